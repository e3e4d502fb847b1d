import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { invoke } from '../../ipc/invoke.ts';

/**
 * Secretariat: one click reminds members who have not answered (online only): `memberId` for
 * one member, none for every member still without an answer. Says how many were reminded.
 */
export function RemindButton({
  ballotId,
  memberId,
  label,
  testId,
}: {
  ballotId: string;
  memberId?: string;
  /** Accessible name (e.g. "Remind <name> to answer"); the visible text is shorter per row. */
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  const remind = async (): Promise<void> => {
    setBusy(true);
    const result = await invoke(
      'ballots:remind',
      memberId === undefined ? { ballotId } : { ballotId, memberIds: [memberId] },
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.error.code);
      setSent(null);
      return;
    }
    setError(null);
    setSent(result.value.memberIds.length);
  };

  return (
    <span className="remind">
      <button
        type="button"
        className="button button--small"
        data-testid={testId}
        aria-label={label}
        disabled={busy}
        onClick={() => void remind()}
      >
        {busy
          ? t('ballots.followUp.reminding')
          : memberId === undefined
            ? t('ballots.followUp.remindAll')
            : t('ballots.followUp.remind')}
      </button>
      {sent !== null ? (
        <span className="muted" role="status" data-testid={`${testId}-sent`}>
          {' '}
          {t('ballots.followUp.reminded', { count: sent })}
        </span>
      ) : null}
      {error !== null ? (
        <span className="field__error" role="alert">
          {' '}
          {t(`errors.${error}`)}
        </span>
      ) : null}
    </span>
  );
}
