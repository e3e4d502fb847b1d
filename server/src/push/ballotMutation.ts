import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import { ownedUpsertChange, upsertChange } from '../changes/pendingChange.ts';
import { voteBallots } from '../db/memberSchema.ts';
import { toBallot, toVote } from '../db/toMemberDomain.ts';
import { lockVote, recountVote } from '../votes/voteRows.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { requireNotClosed, visibleMeeting } from './participation.ts';

/**
 * A ballot in a live vote (workflow 3), checked in this order:
 * 1. NOT_FOUND unless the vote exists in a meeting the caller may see (same answer for both);
 * 2. MEETING_CLOSED when the vote's meeting is closed (closing a meeting closes its votes too,
 *    so this says why more precisely than VOTING_CLOSED would);
 * 3. VOTING_CLOSED when the vote is closed — decided by the vote row under its lock, i.e. by
 *    the server's order of events; the device's clientTime plays no part;
 * 4. NOT_ELIGIBLE unless the caller is a participant whose vote counts (mayVote).
 * One ballot row per (vote, user): a later ballot from any of the member's devices replaces the
 * earlier one, so two devices make one counted vote, the latest received before the close.
 * The vote's live counts are recomputed in the same transaction. The vote row lock serialises
 * this with vote:close, so a ballot is either counted or refused, never lost in between.
 */
export async function castBallot(s: MutationScope, args: MutationArgs<'vote.cast'>): Promise<void> {
  const vote = await lockVote(s.tx, args.voteId);
  if (vote === null) throw new MutationRejected('NOT_FOUND', 'no such vote');
  const { meeting, participant } = await visibleMeeting(s.tx, s.principal, vote.meetingId, 'vote');
  requireNotClosed(meeting);
  if (vote.status !== 'open')
    throw new MutationRejected('VOTING_CLOSED', 'the vote closed before this ballot arrived');
  if (participant === null || !participant.mayVote)
    throw new MutationRejected('NOT_ELIGIBLE', 'your vote does not count in this meeting');

  const values = { choice: args.choice, castAt: s.now };
  const [ballot] = await s.tx
    .insert(voteBallots)
    .values({ voteId: vote.id, userId: s.principal.userId, meetingId: vote.meetingId, ...values })
    .onConflictDoUpdate({ target: [voteBallots.voteId, voteBallots.userId], set: values })
    .returning();
  if (ballot === undefined) throw new Error('ballot upsert returned nothing');
  const counted = await recountVote(s.tx, vote.id);
  s.change(
    ownedUpsertChange('ballot', toBallot(ballot), vote.meetingId, ballot.userId),
    upsertChange('vote', toVote(counted), vote.meetingId),
  );
  s.audit('vote.cast', vote.id, { choice: args.choice });
}
