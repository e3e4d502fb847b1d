import type { OpinionBallot } from '../domain/opinionBallot.ts';
import type { BallotResult, MemberOpinionStatus } from '../protocol/ballots.ts';
import { CABINET_RULES, RULE_SETS } from '../rules/ruleSet.ts';
import { tally, type Choice } from '../rules/tally.ts';

const CHOICE_AS_VOTE = { agree: 'for', disagree: 'against', other: 'abstain' } as const;

/**
 * The result of a written-opinion ballot under its rule set (shared/rules): Agree counts for,
 * Disagree against, Other opinion neither (like an abstention: it is not a vote for); a member
 * without a verified opinion is not answering — never agreeing. The majority is of ALL members
 * asked. Quorum is a meeting rule: every member asked is treated as present, so only the
 * majority-of-all decides. Ties follow the rule set (the chair is not known here: none).
 */
export function ballotResult(
  ballot: OpinionBallot,
  members: readonly MemberOpinionStatus[],
): BallotResult {
  const rules = RULE_SETS[ballot.ruleSetId] ?? CABINET_RULES;
  const votes = new Map<string, Choice>();
  let agree = 0;
  let disagree = 0;
  let other = 0;
  for (const m of members) {
    if (m.state !== 'verified' || m.choice === null) continue;
    if (m.choice === 'agree') agree++;
    else if (m.choice === 'disagree') disagree++;
    else other++;
    votes.set(m.memberId, CHOICE_AS_VOTE[m.choice]);
  }
  const t = tally(
    {
      eligibleVoters: ballot.eligibleMemberIds,
      present: ballot.eligibleMemberIds,
      votes,
      chairId: null,
    },
    rules,
  );
  return {
    agree,
    disagree,
    other,
    notAnswered: ballot.eligibleMemberIds.length - agree - disagree - other,
    rejected: members.filter((m) => m.state === 'rejected').length,
    eligible: ballot.eligibleMemberIds.length,
    outcome: t.outcome,
    decidedByChair: t.decidedByChair,
  };
}
