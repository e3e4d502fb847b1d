import type { ItemPositionView, VoteView } from '../../../shared/domain/views.ts';
import { CommentThread } from '../comments/CommentThread.tsx';
import { PositionControl } from '../positions/PositionControl.tsx';
import type { MeetingPositionsState } from '../positions/useMeetingPositions.ts';
import type { MeetingVotesState } from '../votes/useMeetingVotes.ts';
import { VotesPanel } from '../votes/VotesPanel.tsx';

/**
 * What members do on one agenda item, under its papers: my position (for those asked to give
 * one), the item's live votes, and its comments. In a closed meeting none of these can change
 * any more (the server refuses with MEETING_CLOSED): they are shown read-only, with the reason.
 */
export function AgendaItemActivity({
  agendaItemId,
  position,
  started,
  askPosition,
  onSetPosition,
  votes,
  onCast,
  closed = false,
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
  /** The meeting is closed: nothing here can be given or changed. */
  closed?: boolean;
}) {
  return (
    <div className="activity">
      {askPosition ? (
        <PositionControl
          agendaItemId={agendaItemId}
          view={position}
          started={started}
          closed={closed}
          onSet={onSetPosition}
        />
      ) : null}
      <VotesPanel votes={votes} onCast={onCast} closed={closed} />
      <CommentThread agendaItemId={agendaItemId} closed={closed} />
    </div>
  );
}
