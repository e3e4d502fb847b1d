import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { voteBallots, votes } from '../db/memberSchema.ts';
import type { VoteRow } from '../db/toMemberDomain.ts';

/**
 * Locks a vote row for the rest of the transaction (null: no such vote). Every write that
 * depends on whether a vote is open — a ballot, the close — takes this lock first, so they
 * happen in one order: a ballot is counted before the close or refused after it.
 */
export async function lockVote(tx: Database, voteId: string): Promise<VoteRow | null> {
  const [row] = await tx.select().from(votes).where(eq(votes.id, voteId)).for('update');
  return row ?? null;
}

/** Counts of the vote's ballots by choice (one ballot per member). */
export async function countBallots(
  tx: Database,
  voteId: string,
): Promise<{ for: number; against: number; abstain: number }> {
  const rows = await tx
    .select({ choice: voteBallots.choice, n: sql<number>`count(*)::int` })
    .from(voteBallots)
    .where(eq(voteBallots.voteId, voteId))
    .groupBy(voteBallots.choice);
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const row of rows) {
    if (row.choice === 'for' || row.choice === 'against' || row.choice === 'abstain')
      counts[row.choice] = Number(row.n);
  }
  return counts;
}

/** Writes the live counts of an OPEN vote (the caller holds its lock) and returns the row. */
export async function recountVote(tx: Database, voteId: string): Promise<VoteRow> {
  const counts = await countBallots(tx, voteId);
  const [row] = await tx
    .update(votes)
    .set({ countFor: counts.for, countAgainst: counts.against, countAbstain: counts.abstain })
    .where(eq(votes.id, voteId))
    .returning();
  if (row === undefined) throw new Error('vote recount returned nothing');
  return row;
}
