import { describe, expect, it } from 'vitest';
import { quorumStatus } from '../../shared/rules/quorum.ts';
import { CABINET_RULES, type RuleSet } from '../../shared/rules/ruleSet.ts';

const voters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, mayVote: true }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

describe('quorumStatus (two thirds of voting members present)', () => {
  it('is met at exactly two thirds and not one below (exact rationals)', () => {
    expect(quorumStatus(voters(3), ids(2), CABINET_RULES)).toEqual({
      present: 2,
      eligible: 3,
      needed: 2,
      met: true,
    });
    expect(quorumStatus(voters(3), ids(1), CABINET_RULES).met).toBe(false);
    // 27 members: 18 is two thirds exactly; 17 is not.
    expect(quorumStatus(voters(27), ids(18), CABINET_RULES)).toMatchObject({
      needed: 18,
      met: true,
    });
    expect(quorumStatus(voters(27), ids(17), CABINET_RULES).met).toBe(false);
    // 28 members: 2/3 = 18.67, so 19 are needed.
    expect(quorumStatus(voters(28), ids(18), CABINET_RULES)).toMatchObject({
      needed: 19,
      met: false,
    });
  });

  it('counts only voting participants: a substitute without the vote, a guest or an outsider does not count', () => {
    const people = [
      ...voters(3),
      { userId: 'sub', mayVote: false },
      { userId: 'guest', mayVote: false },
    ];
    const status = quorumStatus(people, ['u0', 'sub', 'guest', 'stranger', 'u0'], CABINET_RULES);
    expect(status).toEqual({ present: 1, eligible: 3, needed: 2, met: false });
  });

  it('is never met without voters, and follows the rule set given', () => {
    expect(quorumStatus([], [], CABINET_RULES)).toEqual({
      present: 0,
      eligible: 0,
      needed: 0,
      met: false,
    });
    const half: RuleSet = {
      ...CABINET_RULES,
      id: 'half',
      quorum: { numerator: 1, denominator: 2 },
    };
    expect(quorumStatus(voters(4), ids(2), half)).toMatchObject({ needed: 2, met: true });
    expect(quorumStatus(voters(4), ids(2), CABINET_RULES).met).toBe(false);
  });
});
