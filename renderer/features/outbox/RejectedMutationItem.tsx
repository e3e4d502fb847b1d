import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { meetingHref } from '../../app/router/views.ts';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useOutboxStore } from './outboxStore.ts';
import { useRejectionWords } from './useRejectionWords.ts';

/**
 * One change the server refused: what it was and said, why it was refused (in plain words; the
 * server's own message only under "technical details"), when it was made, and "Dismiss".
 * Everything from the server or the user is shown as text.
 */
export function RejectedMutationItem({ rejection }: { rejection: Rejection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useRejectionWords();
  const dismiss = useOutboxStore((state) => state.dismiss);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const content = words.content(rejection);

  async function onDismiss(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await dismiss(rejection.mutationId);
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  return (
    <li
      className="rejected-mutation"
      data-testid="rejected-mutation"
      data-code={rejection.code}
      data-mutation-id={rejection.mutationId}
    >
      <p className="rejected-mutation__what">
        <span className="rejected-mutation__kind">{words.kind(rejection.kind)}</span>
        {content === '' ? null : <q className="rejected-mutation__content">{content}</q>}
      </p>
      <p className="rejected-mutation__reason">
        {t('rejection.reasonLine', { reason: words.reason(rejection.code) })}
      </p>
      <p className="rejected-mutation__when">
        {t('outbox.madeAt', { time: formatDateTime(rejection.clientTime, language) })}
        {rejection.meetingId === null ? null : (
          <>
            {' · '}
            <a href={meetingHref(rejection.meetingId)}>{t('outbox.openMeeting')}</a>
          </>
        )}
      </p>
      <details className="rejected-mutation__details">
        <summary>{t('outbox.details')}</summary>
        <p className="notice__code">{t('settings.status.errorCode', { code: rejection.code })}</p>
        {rejection.message === '' ? null : (
          <p className="rejected-mutation__message">{rejection.message}</p>
        )}
      </details>
      <div className="rejected-mutation__actions">
        <button
          type="button"
          className="button button--small"
          aria-disabled={busy}
          data-testid="rejected-dismiss"
          onClick={() => void onDismiss()}
        >
          {t('activity.dismiss')}
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {t('outbox.dismissFailed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
    </li>
  );
}
