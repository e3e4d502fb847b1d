import type { ItemPositionView, VoteView } from '../../../shared/domain/views.ts';
import { CommentThread } from '../comments/CommentThread.tsx';
import { PositionControl } from '../positions/PositionControl.tsx';
import type { MeetingPositionsState } from '../positions/useMeetingPositions.ts';
import type { MeetingVotesState } from '../votes/useMeetingVotes.ts';
import { VotesPanel } from '../votes/VotesPanel.tsx';

/**
 * What members do on one agenda item, under its papers: my position (for those asked to give
 * one), the item's live votes, and its comments.
 */
export function AgendaItemActivity({
  agendaItemId,
  position,
  started,
  askPosition,
  onSetPosition,
  votes,
  onCast,
}: {
  agendaItemId: string;
  /** This item's entry from `positions:get`; null while loading. */
  position: ItemPositionView | null;
  started: boolean;
  /** False for users not asked for a position (secretariat, guests). */
  askPosition: boolean;
  onSetPosition: MeetingPositionsState['set'];
  votes: readonly VoteView[];
  onCast: MeetingVotesState['cast'];
}) {
  return (
    <div className="activity">
      {askPosition ? (
        <PositionControl
          agendaItemId={agendaItemId}
          view={position}
          started={started}
          onSet={onSetPosition}
        />
      ) : null}
      <VotesPanel votes={votes} onCast={onCast} />
      <CommentThread agendaItemId={agendaItemId} />
    </div>
  );
}
