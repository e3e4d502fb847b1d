import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import vi from '../../renderer/i18n/vi.json';
import { commentView, voteView } from './activityFixtures.ts';
import type { FakeBridge } from './fakeBridge.ts';
import { CHAIR, MEMBER, meetingDetail } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';
import { SECRETARIAT, bridgeFor, firstItemId, itemEl, openMeeting } from './openMeeting.ts';

const DAY_MS = 86_400_000;

async function panel(): Promise<HTMLElement> {
  await waitFor(() =>
    expect(screen.getByTestId('attendance').getAttribute('data-state')).toBe('ready'),
  );
  return screen.getByTestId('attendance');
}

function attendee(userId: string): HTMLElement {
  const found = screen
    .getAllByTestId('attendee')
    .find((el) => el.getAttribute('data-user-id') === userId);
  if (!found) throw new Error(`no attendee ${userId}`);
  return found;
}

/** Renders a closed meeting and waits until its threads show as read-only. */
async function openClosed(detail: MeetingDetail, bridge: FakeBridge) {
  renderApp(bridge, `#/meetings/${detail.meeting.id}`);
  await waitFor(() => expect(screen.getAllByTestId('comments-closed')).toHaveLength(2));
  return bridge;
}

describe('attendance and quorum in the meeting view', () => {
  it('says when no roll call was taken, then follows a synced one: who is present and the quorum', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, MEMBER));
    let view = await panel();
    expect(view.getAttribute('data-quorum')).toBe('not-met');
    expect(within(view).getByTestId('attendance-not-recorded').textContent).toBe(
      vi.attendance.notRecorded,
    );
    expect(within(view).getByTestId('attendance-quorum').textContent).toBe(
      vi.attendance.quorumNotMet,
    );
    expect(attendee(CHAIR.id).getAttribute('data-present')).toBe('false');

    // The roll call arrives by a pull: both voting members present, 2 of 2 ≥ 2/3.
    bridge.write.state.attendance[detail.meeting.id] = [CHAIR.id, MEMBER.id];
    act(() => bridge.emit('sync:applied', { entities: ['attendance'], cursor: 9 }));
    await waitFor(() =>
      expect(screen.getByTestId('attendance').getAttribute('data-quorum')).toBe('met'),
    );
    view = screen.getByTestId('attendance');
    expect(view.getAttribute('data-present')).toBe('2');
    expect(view.getAttribute('data-eligible')).toBe('2');
    expect(within(view).getByTestId('attendance-quorum').textContent).toBe(vi.attendance.quorumMet);
    expect(within(view).getByTestId('attendance-count').textContent).toContain('2/2');
    expect(within(view).queryByTestId('attendance-not-recorded')).toBeNull();
    expect(attendee(MEMBER.id).textContent).toContain(vi.attendance.present);

    // One of two is not two thirds.
    bridge.write.state.attendance[detail.meeting.id] = [MEMBER.id];
    act(() => bridge.emit('sync:applied', { entities: ['attendance'], cursor: 10 }));
    await waitFor(() =>
      expect(screen.getByTestId('attendance').getAttribute('data-quorum')).toBe('not-met'),
    );
    expect(attendee(CHAIR.id).textContent).toContain(vi.attendance.absent);
  });

  it('a member has no roll call to take', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    await openMeeting(detail, bridgeFor(detail, MEMBER));
    await panel();
    expect(screen.queryByTestId('roll-call')).toBeNull();
  });

  it('the secretariat ticks who is present and saves; the quorum follows', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, SECRETARIAT));
    await panel();
    const rollCall = screen.getByTestId('roll-call');
    const box = (userId: string): HTMLInputElement => {
      const found = within(rollCall)
        .getAllByTestId('roll-call-present')
        .find((el) => el.getAttribute('data-user-id') === userId);
      if (!(found instanceof HTMLInputElement)) throw new Error(`no box for ${userId}`);
      return found;
    };
    expect(box(CHAIR.id).checked).toBe(false);
    fireEvent.click(box(CHAIR.id));
    fireEvent.click(box(MEMBER.id));
    fireEvent.click(within(rollCall).getByTestId('roll-call-save'));
    await within(rollCall).findByTestId('roll-call-saved');
    const [call] = bridge.callsTo('attendance:set') as Array<{
      meetingId: string;
      present: string[];
    }>;
    expect(call?.meetingId).toBe(detail.meeting.id);
    expect([...(call?.present ?? [])].sort()).toEqual([CHAIR.id, MEMBER.id].sort());
    await waitFor(() =>
      expect(screen.getByTestId('attendance').getAttribute('data-quorum')).toBe('met'),
    );
  });

  it('says why the roll call was not saved (offline: it needs the server)', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = bridgeFor(detail, SECRETARIAT);
    bridge.core.connection = { state: 'offline', lastSyncedAt: null };
    await openMeeting(detail, bridge);
    await panel();
    const rollCall = screen.getByTestId('roll-call');
    fireEvent.click(within(rollCall).getByTestId('roll-call-save'));
    const alert = await within(rollCall).findByRole('alert');
    expect(alert.textContent).toBe(
      vi.secretariat.rollCall.failed.replace('{{reason}}', vi.errors.SERVER_UNREACHABLE),
    );
  });
});

describe('a closed meeting on the device', () => {
  function closedMeeting(): { detail: MeetingDetail; itemId: string } {
    const detail = meetingDetail(1, Date.now() - DAY_MS, { meeting: { status: 'closed' } });
    return { detail, itemId: firstItemId(detail) };
  }

  it('offers no comment, reply, edit, position or ballot, and says why', async () => {
    const { detail, itemId } = closedMeeting();
    const bridge = bridgeFor(detail, MEMBER);
    bridge.write.state.comments.push(
      commentView(5001, detail.meeting.id, itemId, {
        comment: { authorId: MEMBER.id },
        authorName: MEMBER.displayName,
        mine: true,
      }),
    );
    // A vote this device still has as open (the close has not been pulled for it yet).
    bridge.write.state.votes.push(voteView(5002, detail.meeting.id, itemId));
    await openClosed(detail, bridge);
    expect(screen.getByTestId('meeting-closed').textContent).toBe(vi.meeting.closed);
    const item = itemEl(itemId);
    expect(within(item).queryByTestId('comment-input')).toBeNull();
    expect(within(item).getByTestId('comments-closed').textContent).toBe(vi.comments.closed);
    expect(within(item).queryByTestId('comment-reply')).toBeNull();
    expect(within(item).queryByTestId('comment-edit')).toBeNull();
    expect(within(item).queryByTestId('comment-delete')).toBeNull();
    expect(within(item).getByTestId('comment-body')).toBeTruthy();
    const position = within(item).getByTestId('position-control');
    for (const button of within(position).getAllByRole('button'))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(within(position).getByTestId('position-locked').textContent).toBe(vi.positions.closed);
    expect(within(item).queryByTestId('vote-choice-for')).toBeNull();
    expect(within(item).getByTestId('vote-meeting-closed').textContent).toBe(
      vi.votes.meetingClosed,
    );
  });

  it('the secretariat can no longer change the roll call or open a vote', async () => {
    const { detail } = closedMeeting();
    await openClosed(detail, bridgeFor(detail, SECRETARIAT));
    const rollCall = await screen.findByTestId('roll-call');
    expect(within(rollCall).getByTestId('roll-call-closed').textContent).toBe(
      vi.secretariat.rollCall.closed,
    );
    for (const box of within(rollCall).getAllByTestId('roll-call-present'))
      expect((box as HTMLInputElement).disabled).toBe(true);
    expect(within(rollCall).queryByTestId('roll-call-save')).toBeNull();
    expect(screen.queryByTestId('vote-open')).toBeNull();
  });
});
