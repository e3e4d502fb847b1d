import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';

/**
 * Secretariat: closes the ballot after a confirmation (online only). The server stores the
 * result and refuses later opinions; the closed ballot then arrives by sync.
 */
export function CloseBallotButton({
  ballotId,
  onClosed,
}: {
  ballotId: string;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  const close = async (): Promise<void> => {
    setBusy(true);
    const result = await invoke('ballots:close', { ballotId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.code);
      return;
    }
    setError(null);
    setConfirming(false);
    onClosed();
  };

  return (
    <div className="follow-up__close" data-testid="ballot-close">
      {confirming ? (
        <>
          <p role="alert">{t('ballots.followUp.closeConfirm')}</p>
          <button
            type="button"
            className="button button--danger"
            data-testid="ballot-close-confirm"
            disabled={busy}
            onClick={() => void close()}
          >
            {busy ? t('ballots.followUp.closing') : t('ballots.followUp.closeConfirmYes')}
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            {t('ballots.followUp.closeCancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          data-testid="ballot-close-button"
          onClick={() => setConfirming(true)}
        >
          {t('ballots.followUp.close')}
        </button>
      )}
      {error !== null ? (
        <p className="field__error" role="alert" data-testid="ballot-close-error">
          {t(`errors.${error}`)}
        </p>
      ) : null}
    </div>
  );
}
