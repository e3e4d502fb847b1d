import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';

/** The outcome of the last save the user started on the Settings screen. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; what: 'server' | 'serverCleared' | 'language' }
  | { kind: 'error'; code: IpcErrorCode };

const savedMessage = {
  server: 'settings.status.serverSaved',
  serverCleared: 'settings.status.serverCleared',
  language: 'settings.status.languageSaved',
} as const;

/**
 * The outcome of the last save, announced politely to screen readers. The region is always
 * rendered (empty when idle) so assistive technology registers it before there is news.
 */
export function SaveStatus({ status }: { status: SaveState }) {
  const { t } = useTranslation();
  return (
    <div
      className={`save-status save-status--${status.kind}`}
      role="status"
      aria-live="polite"
      data-testid="settings-status"
      data-state={status.kind}
    >
      {status.kind === 'saving' ? <p>{t('settings.server.saving')}</p> : null}
      {status.kind === 'saved' ? <p>{t(savedMessage[status.what])}</p> : null}
      {status.kind === 'error' ? (
        <>
          <p>{t('settings.status.saveFailed', { reason: t(`errors.${status.code}`) })}</p>
          <p className="save-status__code">
            {t('settings.status.errorCode', { code: status.code })}
          </p>
        </>
      ) : null}
    </div>
  );
}
