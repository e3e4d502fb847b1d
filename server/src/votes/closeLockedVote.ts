import { and, asc, eq } from 'drizzle-orm';
import type { Vote } from '../../../shared/domain/vote.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { votes } from '../db/memberSchema.ts';
import type { VoteRow } from '../db/toMemberDomain.ts';
import { toVote } from '../db/toMemberDomain.ts';
import type { WriteScope } from '../db/writeTransaction.ts';
import { closeTally } from './closeTally.ts';
import { lockVote } from './voteRows.ts';

/**
 * Closes an OPEN vote whose row the caller has locked (voteRows.ts lockVote), at the
 * transaction's server time: computes the outcome with closeTally.ts (shared/rules), stores it
 * with the final counts, and emits the vote's change-log entry and audit row. The one place a
 * vote is closed: `vote:close` and closing the meeting both come here.
 */
export async function closeLockedVote(
  w: WriteScope,
  row: VoteRow,
  closedBy: string | null,
): Promise<Vote> {
  const result = await closeTally(w.tx, row);
  const [closed] = await w.tx
    .update(votes)
    .set({
      status: 'closed',
      closedAt: w.now,
      closedBy,
      countFor: result.for,
      countAgainst: result.against,
      countAbstain: result.abstain,
      result,
    })
    .where(eq(votes.id, row.id))
    .returning();
  if (closed === undefined) throw new Error('vote close returned nothing');
  const vote = toVote(closed);
  w.change(upsertChange('vote', vote, vote.meetingId));
  w.audit('vote.close', vote.id, { result });
  return vote;
}

/**
 * Closes every open vote of a meeting (the meeting is being closed; the caller holds the
 * meeting's lock, so no vote opens meanwhile). Each vote row is locked before it is closed,
 * like `vote:close` does, so a ballot being applied either is counted or sees it closed.
 * Votes close in the order they were opened. Returns the closed votes.
 */
export async function closeOpenVotesOfMeeting(
  w: WriteScope,
  meetingId: string,
  closedBy: string | null,
): Promise<Vote[]> {
  const open = await w.tx
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.meetingId, meetingId), eq(votes.status, 'open')))
    .orderBy(asc(votes.openedAt), asc(votes.id));
  const closed: Vote[] = [];
  for (const { id } of open) {
    const row = await lockVote(w.tx, id);
    if (row === null || row.status !== 'open') continue;
    closed.push(await closeLockedVote(w, row, closedBy));
  }
  return closed;
}
