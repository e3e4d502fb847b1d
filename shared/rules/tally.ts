import { atLeast, moreThan, type RuleSet } from './ruleSet.ts';

export type Choice = 'for' | 'against' | 'abstain';

export interface TallyInput {
  /** Every member whose vote would count (substitutes only where the meeting lets them vote). */
  eligibleVoters: readonly string[];
  /** Eligible voters present when the vote closed. */
  present: readonly string[];
  /** The last vote of each voter before the close, by voter id. Votes of non-eligible ids are ignored. */
  votes: ReadonlyMap<string, Choice>;
  /** The chair (the Prime Minister), whose side wins a tie. */
  chairId: string | null;
}

export type Outcome = 'passed' | 'failed' | 'no_quorum';

export interface TallyResult {
  outcome: Outcome;
  for: number;
  against: number;
  abstain: number;
  /** Eligible voters who cast no vote. */
  notVoted: number;
  eligible: number;
  present: number;
  quorumMet: boolean;
  /** True when the outcome was decided by the chair's side on a tie. */
  decidedByChair: boolean;
}

/**
 * Decides a vote under `rules`: no quorum → `no_quorum`; passes with votes for strictly more
 * than the majority share of ALL eligible members (not of those present); when for and
 * against are equal and exactly at the threshold (e.g. 10 of 20), the chair's side wins if the
 * rule set says so. Pure and deterministic.
 */
export function tally(input: TallyInput, rules: RuleSet): TallyResult {
  const eligible = new Set(input.eligibleVoters);
  const present = input.present.filter((id) => eligible.has(id));
  let forCount = 0;
  let against = 0;
  let abstain = 0;
  for (const [voter, choice] of input.votes) {
    if (!eligible.has(voter)) continue;
    if (choice === 'for') forCount++;
    else if (choice === 'against') against++;
    else abstain++;
  }
  const total = eligible.size;
  const quorumMet = total > 0 && atLeast(new Set(present).size, total, rules.quorum);
  const base = {
    for: forCount,
    against,
    abstain,
    notVoted: total - forCount - against - abstain,
    eligible: total,
    present: new Set(present).size,
    quorumMet,
  };
  if (!quorumMet) return { ...base, outcome: 'no_quorum', decidedByChair: false };
  if (moreThan(forCount, total, rules.majorityOfAll)) return { ...base, outcome: 'passed', decidedByChair: false };
  const tieAtThreshold = forCount === against && atLeast(forCount, total, rules.majorityOfAll);
  if (tieAtThreshold && rules.tieBreakByChair && input.chairId !== null) {
    const chairVote = eligible.has(input.chairId) ? input.votes.get(input.chairId) : undefined;
    if (chairVote === 'for') return { ...base, outcome: 'passed', decidedByChair: true };
    if (chairVote === 'against') return { ...base, outcome: 'failed', decidedByChair: true };
  }
  return { ...base, outcome: 'failed', decidedByChair: false };
}
