import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteView } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { MeetingVotesState } from '../votes/useMeetingVotes.ts';

/** An open vote in the secretariat panel: its question and "Close the vote" (online only). */
export function CloseVoteButton({
  view,
  onClose,
}: {
  view: VoteView;
  onClose: MeetingVotesState['close'];
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  async function close(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await onClose(view.vote.id);
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  return (
    <li className="open-votes__item" data-vote-id={view.vote.id}>
      <span className="open-votes__question">{view.vote.question}</span>
      <button
        type="button"
        className="button button--small button--danger"
        aria-disabled={busy}
        data-testid="vote-close"
        data-vote-id={view.vote.id}
        onClick={() => void close()}
      >
        {busy ? t('secretariat.closeVote.closing') : t('secretariat.closeVote.submit')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {t('secretariat.closeVote.failed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
    </li>
  );
}
