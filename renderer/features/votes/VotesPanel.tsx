import { useTranslation } from 'react-i18next';
import type { VoteView } from '../../../shared/domain/views.ts';
import type { MeetingVotesState } from './useMeetingVotes.ts';
import { VoteCard } from './VoteCard.tsx';

/** The votes on one agenda item, newest first; nothing while the item has none. */
export function VotesPanel({
  votes,
  onCast,
  closed = false,
}: {
  votes: readonly VoteView[];
  onCast: MeetingVotesState['cast'];
  /** The meeting is closed: no ballot can be cast (its votes closed with it). */
  closed?: boolean;
}) {
  const { t } = useTranslation();
  if (votes.length === 0) return null;
  return (
    <section className="votes" data-testid="votes-panel">
      <h4 className="activity__title">{t('votes.heading')}</h4>
      {votes.map((view) => (
        <VoteCard key={view.vote.id} view={view} onCast={onCast} meetingClosed={closed} />
      ))}
    </section>
  );
}
