import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { lastErrorText } from './lastErrorText.ts';
import { useOutboxStore } from './outboxStore.ts';
import { RejectedMutationItem } from './RejectedMutationItem.tsx';

/**
 * The sync panel: how many changes wait for the server, when it last answered and why the last
 * push failed, whether the app must be updated, and every refused change with its reason and
 * "Dismiss". Loads the status when opened; the store keeps it current while open. Escape
 * closes it (focus goes back to the toggle, see SyncPanelToggle).
 */
export function SyncPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useOutboxStore((state) => state.status);
  const counts = useOutboxStore((state) => state.counts);
  const loadError = useOutboxStore((state) => state.loadError);
  const load = useOutboxStore((state) => state.load);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void load();
    heading.current?.focus();
  }, [load]);

  const pending = counts?.pending ?? status?.pending ?? 0;
  const updateRequired = counts?.updateRequired ?? status?.updateRequired ?? false;

  return (
    <section
      id={id}
      className="sync-panel"
      aria-labelledby={`${id}-title`}
      data-testid="sync-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="sync-panel__head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="sync-panel__title">
          {t('outbox.panelTitle')}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('outbox.close')}
        </button>
      </div>
      {updateRequired ? (
        <p className="notice notice--error" data-testid="sync-panel-update-required">
          {t('outbox.updateRequired')}
        </p>
      ) : null}
      <p data-testid="sync-panel-pending" data-count={pending}>
        {pending === 0 ? t('outbox.allSent') : t('outbox.pending', { count: pending })}
      </p>
      {status && status.lastPushAt !== null ? (
        <p className="muted">
          {t('outbox.lastPush', { time: formatDateTime(status.lastPushAt, language) })}
        </p>
      ) : null}
      {status?.lastError ? (
        <p className="field__error" data-testid="sync-last-error" data-code={status.lastError.code}>
          {t('outbox.lastError', {
            reason: lastErrorText(t, status.lastError.code),
            time: formatDateTime(status.lastError.at, language),
          })}
        </p>
      ) : null}
      {loadError && !status ? (
        <p className="field__error" role="alert">
          {t('outbox.loadFailed', { reason: t(`errors.${loadError}`) })}
        </p>
      ) : null}
      <h3 className="sync-panel__subtitle">{t('outbox.rejectedHeading')}</h3>
      {!status ? (
        loadError ? null : (
          <p className="muted" role="status">
            {t('outbox.loading')}
          </p>
        )
      ) : status.rejected.length === 0 ? (
        <p className="muted">{t('outbox.noRejected')}</p>
      ) : (
        <>
          <p className="muted">{t('outbox.rejectedHint')}</p>
          <ul className="sync-panel__list">
            {status.rejected.map((rejection) => (
              <RejectedMutationItem key={rejection.mutationId} rejection={rejection} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
