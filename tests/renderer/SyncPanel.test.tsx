import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MUTATION_REJECT_CODES } from '../../shared/protocol/push.ts';
import type { OutboxStatus } from '../../shared/domain/views.ts';
import en from '../../renderer/i18n/en.json';
import vi from '../../renderer/i18n/vi.json';
import { applyLanguage } from '../../renderer/i18n/index.ts';
import { useOutboxStore } from '../../renderer/features/outbox/outboxStore.ts';
import { rejection } from './activityFixtures.ts';
import { deferred } from './deferred.ts';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER, meetingDetail } from './fixtures.ts';
import { bridgeFor, firstItemId, itemEl, openMeeting } from './openMeeting.ts';
import { renderApp } from './renderApp.tsx';

const DAY_MS = 86_400_000;

function pendingBadge(): string | null {
  return screen.getByTestId('sync-pending-count').textContent;
}

async function openPanel(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByTestId('sync-panel-toggle'));
  const panel = await screen.findByTestId('sync-panel');
  await waitFor(() => expect(panel.textContent).not.toContain(vi.outbox.loading));
  return panel;
}

describe('sync panel', () => {
  it('is offered only to a signed-in user', async () => {
    renderApp(createFakeBridge(), '#/meetings');
    await screen.findByTestId('login-screen');
    expect(screen.queryByTestId('sync-panel-toggle')).toBeNull();
  });

  it('counts the changes waiting for the server from outbox:changed', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, MEMBER));
    await waitFor(() => expect(pendingBadge()).toBe('0'));
    expect(screen.getByTestId('sync-panel-toggle').getAttribute('data-state')).toBe('idle');

    const itemId = firstItemId(detail);
    const thread = within(itemEl(itemId)).getByTestId('comment-thread');
    fireEvent.change(within(thread).getByTestId('comment-input'), { target: { value: 'Một' } });
    fireEvent.click(within(thread).getByTestId('comment-submit'));
    await waitFor(() => expect(pendingBadge()).toBe('1'));
    expect(screen.getByTestId('sync-panel-toggle').getAttribute('data-state')).toBe('pending');
    expect(screen.getByTestId('sync-panel-toggle').textContent).toContain(
      '1 thay đổi đang chờ gửi',
    );

    act(() => bridge.write.ackAll());
    await waitFor(() => expect(pendingBadge()).toBe('0'));
  });

  it('lists a refused change with what it was, the reason in words and when; dismiss forgets it', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, MEMBER));
    const itemId = firstItemId(detail);
    const thread = within(itemEl(itemId)).getByTestId('comment-thread');
    fireEvent.change(within(thread).getByTestId('comment-input'), {
      target: { value: 'Góp ý <b>bị</b> từ chối' },
    });
    fireEvent.click(within(thread).getByTestId('comment-submit'));
    const comment = await within(thread).findByTestId('comment');
    act(() => {
      bridge.write.reject({ comment: comment.getAttribute('data-comment-id') ?? '' }, 'NOT_FOUND');
    });
    await waitFor(() => expect(screen.getByTestId('sync-rejected-count').textContent).toBe('1'));
    expect(screen.getByTestId('sync-panel-toggle').getAttribute('data-state')).toBe('rejected');

    const panel = await openPanel();
    const refused = within(panel).getByTestId('rejected-mutation');
    expect(refused.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(refused.textContent).toContain(vi.rejection.kind.commentCreate);
    expect(refused.textContent).toContain('Góp ý <b>bị</b> từ chối');
    expect(refused.querySelector('b')).toBeNull();
    expect(refused.textContent).toContain(
      vi.rejection.reasonLine.replace('{{reason}}', vi.rejection.code.NOT_FOUND),
    );
    expect(refused.textContent).toContain('Thực hiện lúc');
    expect(
      within(refused).getByRole('link', { name: vi.outbox.openMeeting }).getAttribute('href'),
    ).toBe(`#/meetings/${detail.meeting.id}`);

    fireEvent.click(within(refused).getByTestId('rejected-dismiss'));
    await waitFor(() => expect(within(panel).queryByTestId('rejected-mutation')).toBeNull());
    expect(panel.textContent).toContain(vi.outbox.noRejected);
    expect(bridge.callsTo('outbox:dismiss')).toEqual([
      { mutationId: Number(refused.getAttribute('data-mutation-id')) },
    ]);
    await waitFor(() => expect(screen.queryByTestId('sync-rejected-count')).toBeNull());
    // The refused comment, listed until dismissed, is gone from its thread as well.
    await waitFor(() => expect(within(thread).queryByTestId('comment')).toBeNull());
  });

  it.each(MUTATION_REJECT_CODES)('words the refusal code %s in both languages', async (code) => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.write.state.rejected = [rejection(7, { code })];
    renderApp(bridge, '#/meetings');
    const panel = await openPanel();
    const refused = within(panel).getByTestId('rejected-mutation');
    expect(refused.getAttribute('data-code')).toBe(code);
    expect(refused.textContent).toContain(vi.rejection.code[code]);
    act(() => applyLanguage('en'));
    expect(within(panel).getByTestId('rejected-mutation').textContent).toContain(
      en.rejection.code[code],
    );
  });

  it('words an unknown code, kind and summary safely, keeping the server’s words for details', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.write.state.rejected = [
      rejection(8, { code: 'SOMETHING_NEW', kind: 'agenda.reorder', summary: 'x', message: 'why' }),
      rejection(9, {
        kind: 'position.set',
        summary: 'wish_to_speak: Điều 5: khoản 2',
        code: 'MEETING_STARTED',
      }),
      rejection(10, { kind: 'vote.cast', summary: 'against' }),
    ];
    renderApp(bridge, '#/meetings');
    const panel = await openPanel();
    const [unknown, position, vote] = within(panel).getAllByTestId('rejected-mutation');
    expect(unknown?.textContent).toContain(vi.rejection.kind.other);
    expect(unknown?.textContent).toContain('(mã SOMETHING_NEW)');
    expect(unknown?.textContent).toContain('why');
    expect(position?.textContent).toContain(
      `${vi.positions.stance.wish_to_speak}: Điều 5: khoản 2`,
    );
    expect(vote?.textContent).toContain(vi.votes.choice.against);
    expect(vote?.textContent).toContain(vi.rejection.kind.voteCast);
  });

  it('tells the user to update the app when the server refuses its protocol version', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge, '#/meetings');
    await screen.findByTestId('sync-panel-toggle');
    expect(screen.queryByTestId('update-required')).toBeNull();
    act(() => bridge.write.setUpdateRequired(true));
    expect((await screen.findByTestId('update-required')).textContent).toBe(
      vi.outbox.updateRequired,
    );
    expect(screen.getByTestId('sync-panel-toggle').getAttribute('data-state')).toBe(
      'update-required',
    );
    const panel = await openPanel();
    expect(within(panel).getByTestId('sync-panel-update-required')).toBeTruthy();
    await waitFor(() =>
      expect(within(panel).getByTestId('sync-last-error').getAttribute('data-code')).toBe(
        'PROTOCOL_UNSUPPORTED',
      ),
    );
    expect(within(panel).getByTestId('sync-last-error').textContent).toContain(
      vi.errors.PROTOCOL_UNSUPPORTED,
    );
  });

  it('closes on Escape and gives focus back to its toggle', async () => {
    renderApp(createFakeBridge({}, { user: MEMBER }), '#/meetings');
    await screen.findByTestId('sync-panel-toggle');
    const panel = await openPanel();
    expect(screen.getByTestId('sync-panel-toggle').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByTestId('sync-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('sync-panel-toggle'));
  });

  it('never lets an older status answer overwrite newer counts from outbox:changed', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    const answers = [deferred<unknown>(), deferred<unknown>()];
    let asked = 0;
    bridge.override('outbox:status', () => answers[Math.min(asked++, 1)]?.promise);
    renderApp(bridge, '#/meetings');
    await screen.findByTestId('sync-panel-toggle');
    await waitFor(() => expect(asked).toBe(1));
    act(() => bridge.emit('outbox:changed', { pending: 2, rejected: 0, updateRequired: false }));
    expect(pendingBadge()).toBe('2');
    const status = (pending: number): OutboxStatus => ({
      pending,
      rejected: [],
      lastPushAt: null,
      lastError: null,
      updateRequired: false,
    });
    // The first answer was asked for before the event: its count (9) is older and not shown.
    await act(async () => {
      answers[0]?.resolve({ ok: true, value: status(9) });
      await answers[0]?.promise;
    });
    expect(pendingBadge()).toBe('2');
    // The store asked again; that answer is newer than every event and is shown.
    await waitFor(() => expect(asked).toBe(2));
    await act(async () => {
      answers[1]?.resolve({ ok: true, value: status(3) });
      await answers[1]?.promise;
    });
    await waitFor(() => expect(pendingBadge()).toBe('3'));
    expect(useOutboxStore.getState().status?.pending).toBe(3);
  });

  it('forgets the counts when the user signs out', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge, '#/meetings');
    await screen.findByTestId('sync-panel-toggle');
    act(() => bridge.emit('outbox:changed', { pending: 4, rejected: 1, updateRequired: true }));
    act(() => bridge.emit('session:changed', { user: null, reason: 'logout' }));
    expect(useOutboxStore.getState().counts).toBeNull();
    expect(screen.queryByTestId('update-required')).toBeNull();
  });
});
