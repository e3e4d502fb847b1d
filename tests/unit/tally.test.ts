import { describe, expect, it } from 'vitest';
import { CABINET_RULES, atLeast, moreThan } from '../../shared/rules/ruleSet.ts';
import { tally, type Choice } from '../../shared/rules/tally.ts';

const members = Array.from({ length: 20 }, (_, i) => `m${i}`);
const votes = (entries: [string, Choice][]) => new Map(entries);
const range = (from: number, to: number, choice: Choice): [string, Choice][] => members.slice(from, to).map((m) => [m, choice]);

describe('exact fractions', () => {
  it('compares without floating point', () => {
    expect(atLeast(14, 21, { numerator: 2, denominator: 3 })).toBe(true);
    expect(atLeast(13, 21, { numerator: 2, denominator: 3 })).toBe(false);
    expect(moreThan(10, 20, { numerator: 1, denominator: 2 })).toBe(false);
    expect(moreThan(11, 20, { numerator: 1, denominator: 2 })).toBe(true);
  });
});

describe('tally under the cabinet rules', () => {
  it('needs two thirds present (14 of 20) for quorum', () => {
    const base = { eligibleVoters: members, votes: votes(range(0, 13, 'for')), chairId: 'm0' };
    expect(tally({ ...base, present: members.slice(0, 13) }, CABINET_RULES).outcome).toBe('no_quorum');
    expect(tally({ ...base, present: members.slice(0, 14) }, CABINET_RULES).outcome).toBe('passed');
  });

  it('counts a majority of ALL members, not of those present', () => {
    // 15 present, 10 for, 5 against: a majority of those present, but not more than half of 20.
    const result = tally({ eligibleVoters: members, present: members.slice(0, 15), votes: votes([...range(1, 11, 'for'), ...range(11, 15, 'against'), ['m0', 'against']]), chairId: 'm0' }, CABINET_RULES);
    expect(result).toMatchObject({ outcome: 'failed', for: 10, against: 5, notVoted: 5 });
  });

  it('breaks a 10-10 tie with the chair\'s side', () => {
    const chairFor = tally({ eligibleVoters: members, present: members, votes: votes([...range(0, 10, 'for'), ...range(10, 20, 'against')]), chairId: 'm0' }, CABINET_RULES);
    expect(chairFor).toMatchObject({ outcome: 'passed', decidedByChair: true });
    const chairAgainst = tally({ eligibleVoters: members, present: members, votes: votes([...range(0, 10, 'against'), ...range(10, 20, 'for')]), chairId: 'm0' }, CABINET_RULES);
    expect(chairAgainst).toMatchObject({ outcome: 'failed', decidedByChair: true });
  });

  it('ignores votes of people who are not eligible (e.g. a substitute without a vote)', () => {
    const result = tally({ eligibleVoters: members, present: members, votes: votes([...range(0, 10, 'for'), ['substitute', 'for']]), chairId: null }, CABINET_RULES);
    expect(result).toMatchObject({ outcome: 'failed', for: 10 });
  });
});
