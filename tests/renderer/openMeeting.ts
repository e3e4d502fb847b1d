import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import type { User } from '../../shared/domain/user.ts';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { uuid } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

/** A secretariat account (Văn phòng Chính phủ), not a participant of the fixture meetings. */
export const SECRETARIAT: User = {
  id: uuid(902),
  username: 'vpcp.thuky',
  displayName: 'Lê Văn Cường',
  title: 'Vụ trưởng, Văn phòng Chính phủ',
  unit: 'Văn phòng Chính phủ',
  role: 'secretariat',
};

/** A fake bridge signed in as `user` with `detail` on the device. */
export function bridgeFor(detail: MeetingDetail, user: User): FakeBridge {
  return createFakeBridge({}, { user, meetings: [detail] });
}

/** Renders the meeting screen and waits until the meeting and the item's comments are shown. */
export async function openMeeting(detail: MeetingDetail, bridge: FakeBridge): Promise<FakeBridge> {
  renderApp(bridge, `#/meetings/${detail.meeting.id}`);
  await waitFor(() =>
    expect(screen.getByTestId('meeting-detail').getAttribute('data-state')).toBe('ready'),
  );
  await waitFor(allThreadsLoaded);
  return bridge;
}

function allThreadsLoaded(): void {
  for (const thread of screen.getAllByTestId('comment-thread'))
    expect(within(thread).queryByTestId('comment-input')).not.toBeNull();
}

/** The agenda item element with this id. */
export function itemEl(agendaItemId: string): HTMLElement {
  const found = screen
    .getAllByTestId('agenda-item')
    .find((el) => el.getAttribute('data-item-id') === agendaItemId);
  if (!found) throw new Error(`no agenda item ${agendaItemId}`);
  return found;
}

/** The comment element with this id. */
export function commentEl(id: string): HTMLElement {
  const found = screen
    .getAllByTestId('comment')
    .find((el) => el.getAttribute('data-comment-id') === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

/** The first item's id of a fixture meeting. */
export function firstItemId(detail: MeetingDetail): string {
  const first = detail.items[0];
  if (!first) throw new Error('fixture has no items');
  return first.item.id;
}
