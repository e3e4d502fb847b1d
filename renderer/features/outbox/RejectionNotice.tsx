import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { useOutboxStore } from './outboxStore.ts';
import { useRejectionWords } from './useRejectionWords.ts';

/**
 * A refused change next to what it changed (a comment, a position, a ballot): `lead` says
 * what was not accepted, then the server's reason in plain words, and "Dismiss", which forgets
 * the refusal (`outbox:dismiss`) as the sync panel does.
 */
export function RejectionNotice({ rejection, lead }: { rejection: Rejection; lead: string }) {
  const { t } = useTranslation();
  const words = useRejectionWords();
  const dismiss = useOutboxStore((state) => state.dismiss);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  async function onDismiss(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await dismiss(rejection.mutationId);
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  return (
    <div
      className="rejection"
      role="note"
      data-testid="rejection-notice"
      data-code={rejection.code}
    >
      <p className="rejection__lead">{lead}</p>
      <p className="rejection__reason">
        {t('rejection.reasonLine', { reason: words.reason(rejection.code) })}
      </p>
      <button
        type="button"
        className="button button--small"
        aria-disabled={busy}
        data-testid="rejection-dismiss"
        onClick={() => void onDismiss()}
      >
        {t('activity.dismiss')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {t('outbox.dismissFailed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
    </div>
  );
}
