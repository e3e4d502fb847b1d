import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type VoteChoice } from '../../../shared/domain/vote.ts';
import type { VoteView } from '../../../shared/domain/views.ts';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { RejectionNotice } from '../outbox/RejectionNotice.tsx';
import { ballotState } from './ballotState.ts';
import type { MeetingVotesState } from './useMeetingVotes.ts';
import { VoteCounts } from './VoteCounts.tsx';
import { VoteResult } from './VoteResult.tsx';

/**
 * One live vote: the question, the counts, my choice (changeable until the vote closes; a
 * ballot cast offline waits on the device and is not counted until the server has it), what
 * became of my ballot (pending, counted, or refused with the reason, e.g. the vote had closed
 * when it reached the server) and, once closed, the result.
 */
export function VoteCard({
  view,
  onCast,
  meetingClosed = false,
}: {
  view: VoteView;
  onCast: MeetingVotesState['cast'];
  /** The meeting is closed: no choice is offered even if this device still has the vote open. */
  meetingClosed?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);
  const { vote, myBallot, rejection } = view;
  const open = vote.status === 'open' && !meetingClosed;
  const ballot = ballotState(view);
  const choiceText = (choice: VoteChoice): string => t(`votes.choice.${choice}`);

  async function cast(choice: VoteChoice): Promise<void> {
    if (busy || !open) return;
    setBusy(true);
    setError(null);
    const result = await onCast(vote.id, choice);
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  const rejectedLead = view.rejectedChoice
    ? t('votes.ballot.rejected', { choice: choiceText(view.rejectedChoice) })
    : t('votes.ballot.rejectedUnknown');
  const ballotText =
    ballot === 'pending' && myBallot
      ? t('votes.ballot.pending', { choice: choiceText(myBallot.choice) })
      : ballot === 'counted' && myBallot
        ? t('votes.ballot.counted', { choice: choiceText(myBallot.choice) })
        : ballot === 'none'
          ? open
            ? t('votes.ballot.none')
            : t('votes.ballot.noneClosed')
          : null; // rejected: the notice below says it

  return (
    <article
      className={`vote vote--${vote.status}`}
      aria-labelledby={`${id}-question`}
      data-testid="vote"
      data-vote-id={vote.id}
      data-status={vote.status}
    >
      <div className="vote__head">
        <p id={`${id}-question`} className="vote__question">
          {vote.question}
        </p>
        <span className={`badge badge--vote-${vote.status}`}>
          {t(`votes.status.${vote.status}`)}
        </span>
      </div>
      <VoteCounts vote={vote} />
      {open && view.mayVote ? (
        <div className="vote__choices" role="group" aria-label={t('votes.choicesLabel')}>
          {VOTE_CHOICES.map((choice) => (
            <button
              key={choice}
              type="button"
              className={`choice choice--${choice}`}
              aria-pressed={myBallot?.choice === choice}
              aria-disabled={busy}
              data-testid={`vote-choice-${choice}`}
              onClick={() => void cast(choice)}
            >
              {choiceText(choice)}
            </button>
          ))}
        </div>
      ) : null}
      {open && !view.mayVote ? <p className="muted">{t('votes.mayNotVote')}</p> : null}
      {meetingClosed && vote.status === 'open' ? (
        <p className="activity__closed" data-testid="vote-meeting-closed">
          {t('votes.meetingClosed')}
        </p>
      ) : null}
      {open && view.mayVote && myBallot ? <p className="muted">{t('votes.changeHint')}</p> : null}
      <div
        className={`vote__ballot vote__ballot--${ballot}`}
        data-testid="vote-my-ballot"
        data-state={ballot}
      >
        {ballotText === null ? null : <p>{ballotText}</p>}
        {rejection ? <RejectionNotice rejection={rejection} lead={rejectedLead} /> : null}
        {ballot === 'rejected' && myBallot ? (
          <p>{t('votes.ballot.stillCounted', { choice: choiceText(myBallot.choice) })}</p>
        ) : null}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {t('votes.castFailed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
      {!open && vote.result ? <VoteResult result={vote.result} closedAt={vote.closedAt} /> : null}
    </article>
  );
}
