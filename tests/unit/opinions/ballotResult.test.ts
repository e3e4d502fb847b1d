import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';
import { ballotResult } from '../../../shared/opinions/ballotResult.ts';
import type { MemberOpinionStatus } from '../../../shared/protocol/ballots.ts';
import { fromBase64 } from '../../../shared/sync/optimisticOpinion.ts';

const ids = Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const ballot: OpinionBallot = {
  id: '00000000-0000-4000-8000-000000000100',
  meetingId: null,
  question: 'Q',
  documents: [{ id: ids[0]!, version: 1, sha256: 'a'.repeat(64) }],
  deadline: '2026-11-25T10:00:00.000Z',
  eligibleMemberIds: ids,
  ruleSetId: 'vn.cabinet.2015',
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
};
const member = (
  i: number,
  state: MemberOpinionStatus['state'],
  choice: MemberOpinionStatus['choice'] = null,
): MemberOpinionStatus => ({
  memberId: ids[i]!,
  displayName: `M${i}`,
  state,
  choice,
  opinion: null,
});

describe('ballotResult (written opinions under the rule set)', () => {
  it('passes with more than half of ALL members agreeing; silence is not agreement', () => {
    const three = [0, 1, 2].map((i) => member(i, 'verified', 'agree'));
    expect(
      ballotResult(ballot, [...three, member(3, 'not_answered'), member(4, 'not_answered')]),
    ).toMatchObject({
      agree: 3,
      notAnswered: 2,
      outcome: 'passed',
    });
    const two = [0, 1].map((i) => member(i, 'verified', 'agree'));
    expect(ballotResult(ballot, [...two, member(2, 'not_answered')]).outcome).toBe('failed');
  });

  it('counts Other opinion neither for nor against, and a refused opinion as not answering', () => {
    const result = ballotResult(ballot, [
      member(0, 'verified', 'agree'),
      member(1, 'verified', 'agree'),
      member(2, 'verified', 'other'),
      member(3, 'verified', 'disagree'),
      member(4, 'rejected'),
    ]);
    expect(result).toMatchObject({
      agree: 2,
      other: 1,
      disagree: 1,
      rejected: 1,
      notAnswered: 1,
      outcome: 'failed',
    });
  });
});

describe('fromBase64 (shared, no Buffer)', () => {
  it('decodes like Node for every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      expect(Buffer.from(fromBase64(bytes.toString('base64'))).equals(bytes)).toBe(true);
    }
    expect(() => fromBase64('not*base64')).toThrow(RangeError);
  });
});
