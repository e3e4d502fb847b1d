import type { User } from '../../../shared/domain/user.ts';
import type { Vote, VoteChoice } from '../../../shared/domain/vote.ts';
import type { MeetingVotes, VoteView } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { ballotId } from '../../../shared/sync/optimistic.ts';
import { FeatureContext, notFound } from './FeatureContext.ts';

/**
 * Live votes (workflow 3). Votes come from the server only; a member's ballot is a durable
 * local change queued for the server, shown as pending until acknowledged (it is not in the
 * live counts until then). The latest ballot before the close counts; the server decides the
 * close by its clock, so a ballot cast offline may come back refused (VOTING_CLOSED): it is
 * then undone and shown with the reason until dismissed.
 */
export class VoteService {
  private readonly ctx: FeatureContext;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
  }

  /** The meeting's votes, newest opened first. */
  list(meetingId: string): MeetingVotes {
    const user = this.ctx.user();
    if (!this.ctx.reader.meeting(meetingId)) throw notFound('meeting');
    const titles = new Map(this.ctx.reader.items(meetingId).map((i) => [i.id, i.title]));
    const votes = this.ctx.reader
      .votes(meetingId)
      .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt) || a.id.localeCompare(b.id));
    const refused = this.refusedByVote();
    return {
      meetingId,
      votes: votes.map((vote) =>
        this.view(vote, user, titles.get(vote.agendaItemId) ?? null, refused),
      ),
    };
  }

  /** Casts or changes my ballot while the vote is open (as far as this device knows). */
  cast(input: { voteId: string; choice: VoteChoice }): VoteView {
    const user = this.ctx.user();
    const vote = this.ctx.reader.vote(input.voteId);
    if (!vote) throw notFound('vote');
    this.ctx.requireOpenMeeting(vote.meetingId);
    if (vote.status === 'closed') throw new IpcError('VOTING_CLOSED', 'this vote is closed');
    const participant = this.ctx.reader.participant(`${vote.meetingId}:${user.id}`);
    if (participant && !participant.mayVote)
      throw new IpcError('NOT_ELIGIBLE', 'your vote does not count in this meeting');
    this.ctx.write(
      user,
      { kind: 'vote.cast', args: { voteId: vote.id, choice: input.choice } },
      vote.meetingId,
    );
    const title = this.ctx.reader.agendaItem(vote.agendaItemId)?.title ?? null;
    return this.view(vote, user, title, this.refusedByVote());
  }

  private refusedByVote() {
    return FeatureContext.latestBy(this.ctx.rejected(), (m) =>
      m.kind === 'vote.cast' ? m.args.voteId : null,
    );
  }

  private view(
    vote: Vote,
    user: User,
    agendaItemTitle: string | null,
    refusedByVote: ReturnType<VoteService['refusedByVote']>,
  ): VoteView {
    const ballot = this.ctx.activity.ballot(ballotId(vote.id, user.id));
    const refused = refusedByVote.get(vote.id);
    const participant = this.ctx.reader.participant(`${vote.meetingId}:${user.id}`);
    return {
      vote,
      agendaItemTitle,
      myBallot: ballot?.view
        ? { choice: ballot.view.choice, castAt: ballot.view.castAt, pending: ballot.pending }
        : null,
      rejection: refused?.rejection ?? null,
      rejectedChoice: refused?.mutation.kind === 'vote.cast' ? refused.mutation.args.choice : null,
      mayVote: participant?.mayVote ?? false,
    };
  }
}
