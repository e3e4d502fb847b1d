import { atLeast, type RuleSet } from './ruleSet.ts';

/** The fields of a participant that decide whether their presence counts toward the quorum. */
export interface QuorumParticipant {
  userId: string;
  /** Whether this participant's vote counts (substitutes only where the meeting says so). */
  mayVote: boolean;
}

export interface QuorumStatus {
  /** Voting participants recorded present. */
  present: number;
  /** Voting participants (the base of the quorum fraction). */
  eligible: number;
  /** Smallest `present` that meets the quorum (0 when nobody may vote). */
  needed: number;
  /** present/eligible ≥ the rule set's quorum, and at least one voter exists. */
  met: boolean;
}

/**
 * The quorum as the rule set counts it, the same way votes/closeTally.ts and tally.ts do:
 * only participants whose vote counts make up `eligible`, and only they count as `present`
 * (a guest or the secretariat on the roll call does not). Ids are compared exactly; a present
 * id that is not a voting participant is ignored; duplicates count once. Pure.
 */
export function quorumStatus(
  participants: readonly QuorumParticipant[],
  presentIds: readonly string[],
  rules: RuleSet,
): QuorumStatus {
  const eligible = new Set(participants.filter((p) => p.mayVote).map((p) => p.userId));
  const present = new Set(presentIds.filter((id) => eligible.has(id))).size;
  let needed = 0;
  while (needed < eligible.size && !atLeast(needed, eligible.size, rules.quorum)) needed++;
  return {
    present,
    eligible: eligible.size,
    needed: eligible.size === 0 ? 0 : needed,
    met: eligible.size > 0 && atLeast(present, eligible.size, rules.quorum),
  };
}
