import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/domain/offline.ts';
import type { User } from '../../shared/domain/user.ts';
import vi from '../../renderer/i18n/vi.json';
import { meetingPositions } from './activityFixtures.ts';
import { MEMBER, meetingDetail } from './fixtures.ts';
import { SECRETARIAT, bridgeFor, firstItemId, itemEl, openMeeting } from './openMeeting.ts';

const DAY_MS = 86_400_000;

function secondItemId(detail: MeetingDetail): string {
  const second = detail.items[1];
  if (!second) throw new Error('fixture has two items');
  return second.item.id;
}

/** Staff see the aggregate and the consent list: item 1 is contested, item 2 is not. */
async function openAsStaff(user: User = SECRETARIAT, consent: string[] | null = null) {
  const detail = meetingDetail(1, Date.now() + DAY_MS);
  const first = firstItemId(detail);
  const second = secondItemId(detail);
  const bridge = bridgeFor(detail, user);
  bridge.write.state.positions[detail.meeting.id] = meetingPositions(detail, {
    consent: consent ?? [second],
    items: {
      [first]: { aggregate: { noObjection: 3, wishToSpeak: 2, object: 1, noAnswer: 4 } },
      [second]: { aggregate: { noObjection: 8, wishToSpeak: 0, object: 0, noAnswer: 2 } },
    },
  });
  await openMeeting(detail, bridge);
  const panel = await screen.findByTestId('secretariat-panel');
  await waitFor(() =>
    expect(within(panel).getAllByTestId('positions-summary')[0]?.tagName).toBe('DL'),
  );
  return { detail, first, second, bridge, panel };
}

function summaryOf(panel: HTMLElement, itemId: string): HTMLElement {
  const found = within(panel)
    .getAllByTestId('positions-summary')
    .find((el) => el.getAttribute('data-item-id') === itemId);
  if (!found) throw new Error('no summary');
  return found;
}

function staffItem(panel: HTMLElement, itemId: string): HTMLElement {
  const found = within(panel)
    .getAllByTestId('secretariat-item')
    .find((el) => el.getAttribute('data-item-id') === itemId);
  if (!found) throw new Error('no secretariat item');
  return found;
}

describe('secretariat panel', () => {
  it('is not shown to a member', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openMeeting(detail, bridgeFor(detail, MEMBER));
    await waitFor(() => expect(bridge.callsTo('positions:get')).toHaveLength(1));
    expect(screen.queryByTestId('secretariat-panel')).toBeNull();
    expect(screen.queryByTestId('vote-open')).toBeNull();
    expect(screen.queryByTestId('consent-list')).toBeNull();
    expect(screen.queryByTestId('positions-summary')).toBeNull();
  });

  it.each([
    ['secretariat', SECRETARIAT],
    ['admin', { ...SECRETARIAT, role: 'admin' as const }],
  ])('is shown to %s with each item’s positions summary', async (_role, user) => {
    const { first, second, panel } = await openAsStaff(user);
    expect(panel.textContent).toContain(vi.secretariat.heading);
    const summary = summaryOf(panel, first);
    expect(summary.getAttribute('data-no-objection')).toBe('3');
    expect(summary.getAttribute('data-wish-to-speak')).toBe('2');
    expect(summary.getAttribute('data-object')).toBe('1');
    expect(summary.getAttribute('data-no-answer')).toBe('4');
    expect(summary.textContent).toContain(vi.secretariat.summary.wishToSpeak);
    expect(summary.textContent).toContain(vi.secretariat.summary.noAnswer);
    expect(summaryOf(panel, second).getAttribute('data-wish-to-speak')).toBe('0');
  });

  it('lists the consent list: items nobody contests, in agenda order, with who has not answered', async () => {
    const { detail, first, second, panel } = await openAsStaff();
    const consent = within(panel).getByTestId('consent-list');
    const entries = consent.querySelectorAll('li');
    expect([...entries].map((li) => li.getAttribute('data-item-id'))).toEqual([second]);
    expect(consent.textContent).toContain(`2. ${detail.items[1]?.item.title ?? ''}`);
    expect(consent.textContent).toContain('(2 thành viên chưa cho ý kiến)');
    expect(consent.textContent).not.toContain(detail.items[0]?.item.title ?? '—');
    expect(first).not.toBe(second);
  });

  it('says so when no item is on the consent list', async () => {
    const { panel } = await openAsStaff(SECRETARIAT, []);
    expect(within(panel).getByTestId('consent-empty').textContent).toBe(
      vi.secretariat.consent.empty,
    );
  });

  it('opens a vote on an item, which then shows in the agenda; closes it with its result', async () => {
    const { first, bridge, panel } = await openAsStaff();
    const staff = staffItem(panel, first);
    fireEvent.change(within(staff).getByTestId('vote-open-question'), {
      target: { value: '  Thông qua Dự án Luật Ngân sách?  ' },
    });
    fireEvent.click(within(staff).getByTestId('vote-open'));
    await waitFor(() =>
      expect(bridge.callsTo('votes:open')).toEqual([
        { agendaItemId: first, question: 'Thông qua Dự án Luật Ngân sách?' },
      ]),
    );
    const vote = await within(itemEl(first)).findByTestId('vote');
    expect(vote.getAttribute('data-status')).toBe('open');
    expect(vote.textContent).toContain('Thông qua Dự án Luật Ngân sách?');
    expect(within(staff).getByTestId<HTMLInputElement>('vote-open-question').value).toBe('');

    const close = await within(staffItem(panel, first)).findByTestId('vote-close');
    expect(close.getAttribute('data-vote-id')).toBe(vote.getAttribute('data-vote-id'));
    fireEvent.click(close);
    await waitFor(() =>
      expect(within(itemEl(first)).getByTestId('vote').getAttribute('data-status')).toBe('closed'),
    );
    expect(within(itemEl(first)).getByTestId('vote-result').getAttribute('data-outcome')).toBe(
      'failed',
    );
    expect(within(staffItem(panel, first)).queryByTestId('vote-close')).toBeNull();
  });

  it('does not open a vote without a question', async () => {
    const { first, bridge, panel } = await openAsStaff();
    fireEvent.click(within(staffItem(panel, first)).getByTestId('vote-open'));
    expect((await within(staffItem(panel, first)).findByRole('alert')).textContent).toBe(
      vi.secretariat.openVote.required,
    );
    expect(bridge.callsTo('votes:open')).toEqual([]);
  });

  it('explains that opening a vote needs the server while offline', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = bridgeFor(detail, SECRETARIAT);
    bridge.core.connection = { state: 'offline', lastSyncedAt: null };
    await openMeeting(detail, bridge);
    const panel = await screen.findByTestId('secretariat-panel');
    expect(await within(panel).findByTestId('secretariat-offline')).toBeTruthy();
    const staff = staffItem(panel, firstItemId(detail));
    fireEvent.change(within(staff).getByTestId('vote-open-question'), {
      target: { value: 'Biểu quyết?' },
    });
    fireEvent.click(within(staff).getByTestId('vote-open'));
    expect((await within(staff).findByRole('alert')).textContent).toBe(
      vi.secretariat.openVote.failed.replace('{{reason}}', vi.errors.SERVER_UNREACHABLE),
    );
  });
});
