import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OpinionBallot, OpinionView } from '../../shared/domain/opinionBallot.ts';
import type { BallotView } from '../../shared/domain/opinionViews.ts';
import type { BallotResult, BallotStatusResponse } from '../../shared/protocol/ballots.ts';
import { formatDateTime } from '../../renderer/i18n/formatDateTime.ts';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { MEMBER, sha, uuid } from './fixtures.ts';
import { SECRETARIAT } from './openMeeting.ts';
import { renderApp } from './renderApp.tsx';

// Closing a ballot and reminding members who have not answered (secretariat), and what a
// member sees of a closed ballot.

const OTHER = { id: uuid(902), displayName: 'Lê Văn Cường' };
const BALLOT: OpinionBallot = {
  id: uuid(720),
  meetingId: null,
  question: 'Dự thảo Nghị định về dịch vụ công trực tuyến',
  documents: [{ id: uuid(721), version: 1, sha256: sha(721) }],
  deadline: '2026-11-25T10:00:00.000Z',
  eligibleMemberIds: [MEMBER.id, OTHER.id],
  ruleSetId: 'vn.cabinet.2015',
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
};
const RESULT: BallotResult = {
  agree: 1,
  disagree: 0,
  other: 0,
  notAnswered: 1,
  rejected: 0,
  eligible: 2,
  outcome: 'failed',
  decidedByChair: false,
};
const CLOSED: OpinionBallot = {
  ...BALLOT,
  status: 'closed',
  closedAt: '2026-11-22T03:30:00.000Z',
  result: RESULT,
};

const ok = (value: unknown) => ({ ok: true, value });

function table(ballot: OpinionBallot): BallotStatusResponse {
  return {
    ballot,
    members: [
      {
        memberId: MEMBER.id,
        displayName: MEMBER.displayName,
        state: 'verified',
        choice: 'agree',
        opinion: null,
      },
      {
        memberId: OTHER.id,
        displayName: OTHER.displayName,
        state: 'not_answered',
        choice: null,
        opinion: null,
      },
    ],
    result: RESULT,
  };
}

function withBallot(
  user: typeof MEMBER,
  ballot: () => OpinionBallot,
  mine: OpinionView[] = [],
): FakeBridge {
  const bridge = createFakeBridge({}, { user });
  const view = (): BallotView => ({
    ballot: ballot(),
    documents: [{ ...BALLOT.documents[0]!, title: 'Dự thảo Nghị định', meetingId: uuid(1) }],
    myOpinion: mine[0] ?? null,
  });
  bridge.override('ballots:list', () => ok({ ballots: [view()] }));
  bridge.override('ballots:get', () => ok(view()));
  bridge.override('opinions:list', () => ok({ ballotId: BALLOT.id, opinions: mine }));
  bridge.override('ballots:followUp', () => ok(table(ballot())));
  return bridge;
}

describe('ballot follow-up actions', () => {
  it('reminds one member, or everyone who has not answered, in one click', async () => {
    const bridge = withBallot(SECRETARIAT, () => BALLOT);
    const asked: unknown[] = [];
    bridge.override('ballots:remind', (input) => {
      asked.push(input);
      return ok({ memberIds: [OTHER.id] });
    });
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const followUp = await screen.findByTestId('follow-up');
    const rows = within(followUp).getAllByTestId('follow-up-row');
    // Only the member who has not answered can be reminded.
    expect(within(rows[0]!).queryByTestId('remind-member')).toBeNull();
    const one = within(rows[1]!).getByTestId('remind-member');
    expect(one.getAttribute('aria-label')).toBe(`Nhắc ${OTHER.displayName} trả lời`);
    fireEvent.click(one);
    expect((await within(rows[1]!).findByTestId('remind-member-sent')).textContent).toContain(
      'Đã gửi lời nhắc tới 1 thành viên.',
    );
    fireEvent.click(within(followUp).getByTestId('remind-all'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked).toEqual([
      { ballotId: BALLOT.id, memberIds: [OTHER.id] },
      { ballotId: BALLOT.id },
    ]);
  });

  it('shows a refused reminder in words (offline: the server must be reached)', async () => {
    const bridge = withBallot(SECRETARIAT, () => BALLOT);
    bridge.override('ballots:remind', () => ({
      ok: false,
      error: { code: 'SERVER_UNREACHABLE', message: '' },
    }));
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const followUp = await screen.findByTestId('follow-up');
    fireEvent.click(within(followUp).getByTestId('remind-all'));
    expect((await within(followUp).findByRole('alert')).textContent?.trim()).toBe(
      vi.errors.SERVER_UNREACHABLE,
    );
  });

  it('closes after a confirmation; then shows the final result and no more actions', async () => {
    let closed = false;
    const bridge = withBallot(SECRETARIAT, () => (closed ? CLOSED : BALLOT));
    bridge.override('ballots:close', (input) => {
      expect(input).toEqual({ ballotId: BALLOT.id });
      closed = true;
      return ok({ ballot: CLOSED });
    });
    renderApp(bridge, `#/ballots/${BALLOT.id}`);
    const followUp = await screen.findByTestId('follow-up');
    expect(within(followUp).getByTestId('follow-up-outcome').textContent).toContain(
      'Kết quả hiện tại',
    );
    fireEvent.click(within(followUp).getByTestId('ballot-close-button'));
    expect(bridge.callsTo('ballots:close')).toHaveLength(0);
    fireEvent.click(within(followUp).getByTestId('ballot-close-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('follow-up-outcome').getAttribute('data-final')).toBe('true'),
    );
    const closedAt = formatDateTime(Date.parse(CLOSED.closedAt!), 'vi');
    expect(screen.getByTestId('follow-up-outcome').textContent).toBe(
      `Kết quả chính thức (chốt lúc ${closedAt}): Kết quả: không được thông qua.`,
    );
    expect(screen.queryByTestId('ballot-close-button')).toBeNull();
    expect(screen.queryByTestId('remind-all')).toBeNull();
    expect(screen.queryByTestId('remind-member')).toBeNull();
  });

  it('a member sees a closed ballot without the answer form, and why a late opinion did not count', async () => {
    const late: OpinionView = {
      id: uuid(730),
      ballotId: BALLOT.id,
      meetingId: null,
      memberId: MEMBER.id,
      choice: 'agree',
      text: '',
      exceptions: [],
      certSerial: '4a',
      signingTime: '2026-11-22T03:00:00.000Z',
      receivedAt: '2026-11-22T04:00:00.000Z',
      status: 'rejected',
      code: 'BALLOT_CLOSED',
      message: '',
      supersedes: null,
      supersededBy: null,
    };
    renderApp(
      withBallot(MEMBER, () => CLOSED, [late]),
      `#/ballots/${BALLOT.id}`,
    );
    expect((await screen.findByTestId('ballot-closed')).textContent).toContain(
      'Phiếu đã kết thúc lúc',
    );
    expect(screen.queryByTestId('answer-form')).toBeNull();
    const reason = screen.getByTestId('opinion-reason');
    expect(reason.getAttribute('data-code')).toBe('BALLOT_CLOSED');
    expect(reason.textContent).toContain('phiếu lấy ý kiến đã được kết thúc');
  });

  it('lists a closed ballot I did not answer as closed, not as a task', async () => {
    renderApp(
      withBallot(MEMBER, () => CLOSED),
      '#/ballots',
    );
    const item = await screen.findByTestId('ballot-item');
    expect(within(item).getByTestId('ballot-my-state').textContent).toBe('Đã kết thúc');
  });
});
