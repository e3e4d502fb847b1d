import { describe, expect, it } from 'vitest';
import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';
import {
  computeEvidenceSummary,
  type SummaryOpinionInput,
} from '../../../shared/opinions/evidenceSummary.ts';
import type { OpinionChoice, OpinionPayload } from '../../../shared/opinions/payload.ts';

const ids = Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
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
const members = [
  { id: ids[0]!, displayName: 'Trần Văn Bình' },
  { id: ids[1]!, displayName: 'Nguyễn Thị An' },
  { id: ids[2]!, displayName: 'Đỗ Minh Châu' },
  { id: ids[3]!, displayName: 'Lê Hoa' },
];

function payload(
  member: number,
  choice: OpinionChoice,
  exceptions: { article: string; note: string }[] = [],
): OpinionPayload {
  return {
    type: 'ecabinet.opinion/v1',
    ballotId: ballot.id,
    memberId: ids[member]!,
    choice,
    text: choice === 'other' ? 'ý kiến' : '',
    exceptions,
    documents: ballot.documents,
    certSerial: '41',
    deviceId: ids[0]!,
    nonce: 'A'.repeat(43),
    signedAt: '2026-11-21T10:00:00.000Z',
  };
}

let n = 0;
function opinion(
  member: number,
  status: 'verified' | 'rejected',
  p: OpinionPayload | null,
  supersededBy: string | null = null,
): SummaryOpinionInput {
  n++;
  return {
    id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
    memberId: ids[member]!,
    status,
    supersededBy,
    receivedAt: `2026-11-21T10:00:${String(n).padStart(2, '0')}.000Z`,
    payload: p,
  };
}

describe('computeEvidenceSummary (the bảng tổng hợp of an export)', () => {
  it('counts current verified opinions from their signed payloads; superseded and refused ones do not count', () => {
    const old = opinion(0, 'verified', payload(0, 'agree'), 'x');
    const summary = computeEvidenceSummary(ballot, members, [
      old,
      opinion(0, 'verified', payload(0, 'disagree')),
      opinion(1, 'verified', payload(1, 'agree')),
      opinion(2, 'rejected', null),
    ]);
    expect(summary.result).toMatchObject({
      agree: 1,
      disagree: 1,
      other: 0,
      rejected: 1,
      notAnswered: 2,
      eligible: 4,
      outcome: 'failed',
    });
    // Sorted by Vietnamese name order; the silent member is "not answered", never agreeing.
    expect(summary.members.map((m) => [m.displayName, m.state, m.choice])).toEqual([
      ['Đỗ Minh Châu', 'rejected', null],
      ['Lê Hoa', 'not_answered', null],
      ['Nguyễn Thị An', 'verified', 'agree'],
      ['Trần Văn Bình', 'verified', 'disagree'],
    ]);
  });

  it('groups exceptions by article in natural order, whatever the spacing or case', () => {
    const summary = computeEvidenceSummary(ballot, members, [
      opinion(0, 'verified', payload(0, 'other', [{ article: 'Điều 12', note: 'b' }])),
      opinion(
        1,
        'verified',
        payload(1, 'other', [
          { article: 'Điều  5', note: 'a' },
          { article: 'Điều 12', note: 'c' },
        ]),
      ),
      opinion(3, 'verified', payload(3, 'disagree', [{ article: 'điều 5', note: 'd' }])),
    ]);
    expect(
      summary.exceptionsByArticle.map((g) => [g.article, g.entries.map((e) => e.note)]),
    ).toEqual([
      ['Điều 5', ['d', 'a']],
      ['Điều 12', ['c', 'b']],
    ]);
  });

  it('is deterministic: the same opinions in another order give the same summary', () => {
    const list = [
      opinion(0, 'verified', payload(0, 'agree')),
      opinion(1, 'verified', payload(1, 'other', [{ article: 'Điều 1', note: '' }])),
      opinion(2, 'rejected', null),
    ];
    expect(computeEvidenceSummary(ballot, members, [...list].reverse())).toEqual(
      computeEvidenceSummary(ballot, members, list),
    );
  });
});
