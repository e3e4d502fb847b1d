import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VoteView } from '../../shared/domain/views.ts';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';
import { applyLanguage } from '../../renderer/i18n/index.ts';
import { voteView } from './activityFixtures.ts';
import { MEMBER, meetingDetail } from './fixtures.ts';
import { bridgeFor, firstItemId, itemEl, openMeeting } from './openMeeting.ts';

const DAY_MS = 86_400_000;

async function openWithVote(overrides: Parameters<typeof voteView>[3] = {}) {
  const detail = meetingDetail(1, Date.now() - 600_000);
  const itemId = firstItemId(detail);
  const bridge = bridgeFor(detail, MEMBER);
  const view = voteView(30, detail.meeting.id, itemId, overrides);
  bridge.write.state.votes = [view];
  await openMeeting(detail, bridge);
  await within(itemEl(itemId)).findByTestId('vote');
  return { detail, itemId, bridge, voteId: view.vote.id };
}

function voteEl(): HTMLElement {
  return screen.getByTestId('vote');
}

function ballotEl(): HTMLElement {
  return within(voteEl()).getByTestId('vote-my-ballot');
}

function countsOf(): Record<string, string | null> {
  const counts = within(voteEl()).getByTestId('vote-counts');
  return {
    for: counts.getAttribute('data-for'),
    against: counts.getAttribute('data-against'),
    abstain: counts.getAttribute('data-abstain'),
  };
}

function closeOnServer(
  bridge: Awaited<ReturnType<typeof openWithVote>>['bridge'],
  result: Partial<NonNullable<VoteView['vote']['result']>> = {},
) {
  bridge.write.state.votes = bridge.write.state.votes.map((v) => ({
    ...v,
    vote: {
      ...v.vote,
      status: 'closed' as const,
      closedAt: '2026-11-21T09:30:00.000Z',
      result: {
        outcome: 'passed' as const,
        ...v.vote.counts,
        notVoted: 1,
        eligible: 2,
        present: 2,
        quorumMet: true,
        decidedByChair: false,
        ...result,
      },
    },
  }));
}

describe('live votes', () => {
  it('shows an open vote on its agenda item with the question, counts and three choices', async () => {
    const { itemId } = await openWithVote();
    const vote = within(itemEl(itemId)).getByTestId('vote');
    expect(vote.getAttribute('data-status')).toBe('open');
    expect(vote.textContent).toContain('Biểu quyết thông qua nội dung số 30');
    expect(vote.textContent).toContain(vi.votes.status.open);
    expect(within(vote).getByTestId('vote-choice-for').textContent).toBe(vi.votes.choice.for);
    expect(within(vote).getByTestId('vote-choice-against').textContent).toBe(
      vi.votes.choice.against,
    );
    expect(within(vote).getByTestId('vote-choice-abstain').textContent).toBe(
      vi.votes.choice.abstain,
    );
    expect(countsOf()).toEqual({ for: '0', against: '0', abstain: '0' });
    expect(ballotEl().getAttribute('data-state')).toBe('none');
    expect(ballotEl().textContent).toBe(vi.votes.ballot.none);
    expect(within(vote).queryByTestId('vote-result')).toBeNull();
  });

  it('casts a vote (pending, not counted), counted after the ack, and changes it while open', async () => {
    const { bridge, voteId } = await openWithVote();
    fireEvent.click(within(voteEl()).getByTestId('vote-choice-for'));
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('pending'));
    expect(ballotEl().textContent).toContain('«Tán thành»');
    expect(within(voteEl()).getByTestId('vote-choice-for').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(countsOf().for).toBe('0');
    expect(bridge.callsTo('votes:cast')).toEqual([{ voteId, choice: 'for' }]);

    act(() => bridge.write.ackAll());
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('counted'));
    expect(countsOf()).toEqual({ for: '1', against: '0', abstain: '0' });
    expect(voteEl().textContent).toContain(vi.votes.changeHint);

    fireEvent.click(within(voteEl()).getByTestId('vote-choice-against'));
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('pending'));
    expect(within(voteEl()).getByTestId('vote-choice-against').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(within(voteEl()).getByTestId('vote-choice-for').getAttribute('aria-pressed')).toBe(
      'false',
    );
    act(() => bridge.write.ackAll());
    await waitFor(() => expect(countsOf()).toEqual({ for: '0', against: '1', abstain: '0' }));
    expect(ballotEl().textContent).toContain('«Không tán thành»');
  });

  it('updates the live counts when a pulled page brings others’ ballots', async () => {
    const { bridge } = await openWithVote();
    bridge.write.state.votes = bridge.write.state.votes.map((v) => ({
      ...v,
      vote: { ...v.vote, counts: { for: 7, against: 2, abstain: 1 } },
    }));
    act(() => bridge.emit('sync:applied', { entities: ['vote'], cursor: 12 }));
    await waitFor(() => expect(countsOf()).toEqual({ for: '7', against: '2', abstain: '1' }));
  });

  it.each([
    ['passed', vi.votes.result.passed],
    ['failed', vi.votes.result.failed],
    ['no_quorum', vi.votes.result.no_quorum],
  ] as const)(
    'shows a closed vote’s result: %s, with counts and no choices',
    async (outcome, label) => {
      const { bridge } = await openWithVote({
        vote: { counts: { for: 9, against: 3, abstain: 2 } },
      });
      closeOnServer(bridge, { outcome, eligible: 15, present: 14, notVoted: 1 });
      act(() => bridge.emit('sync:applied', { entities: ['vote'], cursor: 13 }));
      await waitFor(() => expect(voteEl().getAttribute('data-status')).toBe('closed'));
      const result = within(voteEl()).getByTestId('vote-result');
      expect(result.getAttribute('data-outcome')).toBe(outcome);
      expect(result.textContent).toContain(vi.votes.resultLabel.replace('{{outcome}}', label));
      expect(result.textContent).toContain('Tán thành 9/15 thành viên.');
      expect(result.textContent).toContain('Có mặt 14/15 thành viên.');
      expect(countsOf()).toEqual({ for: '9', against: '3', abstain: '2' });
      expect(within(voteEl()).getByTestId('vote-counts').textContent).toContain(vi.votes.notVoted);
      expect(within(voteEl()).queryByTestId('vote-choice-for')).toBeNull();
      expect(voteEl().textContent).toContain(vi.votes.status.closed);
      expect(ballotEl().textContent).toBe(vi.votes.ballot.noneClosed);
    },
  );

  it('says when a tie was decided by the chair', async () => {
    const { bridge } = await openWithVote();
    closeOnServer(bridge, { decidedByChair: true });
    act(() => bridge.emit('sync:applied', { entities: ['vote'], cursor: 13 }));
    await waitFor(() =>
      expect(within(voteEl()).getByTestId('vote-result').textContent).toContain(
        vi.votes.decidedByChair,
      ),
    );
  });

  it('shows a ballot refused with VOTING_CLOSED: the vote had closed when it reached the server', async () => {
    const { bridge } = await openWithVote();
    fireEvent.click(within(voteEl()).getByTestId('vote-choice-abstain'));
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('pending'));

    closeOnServer(bridge);
    act(() => {
      bridge.write.reject({ vote: bridge.write.state.votes[0]?.vote.id ?? '' }, 'VOTING_CLOSED');
    });
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('rejected'));
    expect(ballotEl().textContent).toContain('Phiếu «Không biểu quyết» của bạn không được tính.');
    expect(ballotEl().textContent).toContain(vi.rejection.code.VOTING_CLOSED);
    expect(within(ballotEl()).getByTestId('rejection-notice').getAttribute('data-code')).toBe(
      'VOTING_CLOSED',
    );
    expect(voteEl().getAttribute('data-status')).toBe('closed');

    act(() => applyLanguage('en'));
    expect(ballotEl().textContent).toContain(
      'the vote had closed when your vote reached the server',
    );
    expect(ballotEl().textContent).toContain(
      en.votes.ballot.rejected.replace('{{choice}}', 'Abstain'),
    );

    fireEvent.click(within(ballotEl()).getByTestId('rejection-dismiss'));
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('none'));
  });

  it('keeps showing the ballot that still counts beside a refused later one', async () => {
    const { bridge } = await openWithVote({
      myBallot: { choice: 'for', castAt: '2026-11-21T09:10:00.000Z', pending: false },
      vote: { counts: { for: 1, against: 0, abstain: 0 } },
    });
    fireEvent.click(within(voteEl()).getByTestId('vote-choice-against'));
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('pending'));
    act(() => {
      bridge.write.reject({ vote: bridge.write.state.votes[0]?.vote.id ?? '' }, 'VOTING_CLOSED');
    });
    await waitFor(() => expect(ballotEl().getAttribute('data-state')).toBe('rejected'));
    expect(ballotEl().textContent).toContain('Phiếu «Không tán thành» của bạn không được tính.');
    expect(ballotEl().textContent).toContain('Phiếu đang được tính: «Tán thành».');
  });

  it('shows the core’s refusal when the vote is closed as far as this device knows', async () => {
    const { bridge } = await openWithVote();
    bridge.override('votes:cast', () => ({
      ok: false,
      error: { code: 'VOTING_CLOSED', message: 'closed' },
    }));
    fireEvent.click(within(voteEl()).getByTestId('vote-choice-for'));
    expect((await within(voteEl()).findByRole('alert')).textContent).toBe(
      vi.votes.castFailed.replace('{{reason}}', vi.errors.VOTING_CLOSED),
    );
  });

  it('offers no choices to someone whose vote does not count, and says why', async () => {
    await openWithVote({ mayVote: false });
    expect(within(voteEl()).queryByTestId('vote-choice-for')).toBeNull();
    expect(voteEl().textContent).toContain(vi.votes.mayNotVote);
  });

  it('shows nothing about votes on an item that has none', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, MEMBER));
    await waitFor(() => expect(bridge.callsTo('votes:list')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the answer render
    expect(screen.queryByTestId('votes-panel')).toBeNull();
    expect(screen.queryByTestId('votes-load-error')).toBeNull();
  });
});
