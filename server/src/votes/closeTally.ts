import { and, eq } from 'drizzle-orm';
import type { TallyResult } from '../../../shared/rules/tally.ts';
import { tally, type Choice } from '../../../shared/rules/tally.ts';
import { RULE_SETS } from '../../../shared/rules/ruleSet.ts';
import type { Database } from '../db/openDatabase.ts';
import { attendance, voteBallots } from '../db/memberSchema.ts';
import { meetings, participants } from '../db/schema.ts';
import type { VoteRow } from '../db/toMemberDomain.ts';

/**
 * The result of a vote being closed, with shared/rules/tally.ts under the vote's rule set:
 * - eligible voters: the meeting's participants whose vote counts (mayVote), as the list
 *   stands at the close (a substitute votes only where the meeting says so);
 * - present: the participants the secretariat recorded present (PUT .../attendance), plus
 *   everyone who cast a ballot in this vote — a member who voted in a live vote was there.
 *   Nobody is assumed present: with no attendance recorded only the voters count toward the
 *   quorum, so a forgotten roll call can cost a quorum but never fake one;
 * - votes: each member's counted ballot (the latest received before the close);
 * - chair: the meeting's chair, whose side wins a tie at the threshold.
 */
export async function closeTally(tx: Database, vote: VoteRow): Promise<TallyResult> {
  const rules = RULE_SETS[vote.ruleSetId];
  if (rules === undefined) throw new Error(`vote ${vote.id} has an unknown rule set`);
  const [meeting] = await tx
    .select({ chairId: meetings.chairId })
    .from(meetings)
    .where(eq(meetings.id, vote.meetingId));
  const eligible = await tx
    .select({ userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.meetingId, vote.meetingId), eq(participants.mayVote, true)));
  const recorded = await tx
    .select({ userId: attendance.userId })
    .from(attendance)
    .where(eq(attendance.meetingId, vote.meetingId));
  const cast = await tx
    .select({ userId: voteBallots.userId, choice: voteBallots.choice })
    .from(voteBallots)
    .where(eq(voteBallots.voteId, vote.id));

  const votesByUser = new Map<string, Choice>();
  for (const b of cast) {
    if (b.choice === 'for' || b.choice === 'against' || b.choice === 'abstain')
      votesByUser.set(b.userId, b.choice);
  }
  const present = new Set([...recorded.map((r) => r.userId), ...votesByUser.keys()]);
  return tally(
    {
      eligibleVoters: eligible.map((e) => e.userId),
      present: [...present],
      votes: votesByUser,
      chairId: meeting?.chairId ?? null,
    },
    rules,
  );
}
