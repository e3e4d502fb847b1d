import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge } from './fakeBridge.ts';
import { MEMBER, meetingDetail, offlineOf, paper } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function cards(): HTMLElement[] {
  return screen.getAllByTestId('meeting-card');
}

describe('meetings list', () => {
  it('groups meetings into upcoming (soonest first) and past (latest first)', async () => {
    const now = Date.now();
    const soon = meetingDetail(1, now + 2 * DAY_MS);
    const later = meetingDetail(2, now + 9 * DAY_MS);
    const lastWeek = meetingDetail(3, now - 7 * DAY_MS);
    const lastMonth = meetingDetail(4, now - 30 * DAY_MS);
    const running = meetingDetail(5, now - HOUR_MS);
    const bridge = createFakeBridge(
      {},
      { user: MEMBER, meetings: [lastMonth, later, soon, lastWeek, running] },
    );
    renderApp(bridge);
    const list = await screen.findByTestId('meetings-list');
    const upcoming = within(list).getByTestId('meetings-upcoming');
    const past = within(list).getByTestId('meetings-past');
    expect(within(upcoming).getByRole('heading', { level: 2 }).textContent).toBe(
      vi.meetings.upcoming,
    );
    expect(within(past).getByRole('heading', { level: 2 }).textContent).toBe(vi.meetings.past);
    const ids = (group: HTMLElement): Array<string | null> =>
      within(group)
        .getAllByTestId('meeting-card')
        .map((card) => card.getAttribute('data-meeting-id'));
    // A meeting in progress (started an hour ago, ends in two) stays among the upcoming ones.
    expect(ids(upcoming)).toEqual([running.meeting.id, soon.meeting.id, later.meeting.id]);
    expect(ids(past)).toEqual([lastWeek.meeting.id, lastMonth.meeting.id]);
    expect(within(upcoming).getAllByTestId('meeting-card')[0]?.textContent).toContain(
      vi.meetings.inProgress,
    );
  });

  it('shows title, Vietnamese date and time, location, item count and a link to the detail', async () => {
    // 09:00–12:00 UTC: the same calendar day in every zone from UTC-9 to UTC+11.
    const startsAt = Date.UTC(2031, 10, 21, 9, 0);
    const detail = meetingDetail(1, startsAt);
    renderApp(createFakeBridge({}, { user: MEMBER, meetings: [detail] }));
    const [card] = await screen.findAllByTestId('meeting-card');
    if (!card) throw new Error('no card');
    expect(card.textContent).toContain(detail.meeting.title);
    expect(card.textContent).toContain(detail.meeting.location);
    expect(card.textContent).toMatch(/Thứ Sáu, 21\/11\/2031 · \d\d:\d\d–\d\d:\d\d/);
    expect(within(card).getByTestId('meeting-item-count').textContent).toBe('2 nội dung');
    expect(card.textContent).toContain('2 tài liệu');
    expect(within(card).getByTestId('meeting-link').getAttribute('href')).toBe(
      `#/meetings/${detail.meeting.id}`,
    );
  });

  it.each([
    ['none', [], vi.offline.badge.none],
    ['partial', [0], 'Đã tải 57%'],
    ['complete', [0, 1], vi.offline.badge.complete],
  ] as const)('shows the offline badge: %s', async (state, cachedIndexes, text) => {
    const base = meetingDetail(1, Date.now() + DAY_MS);
    const papers = [...base.items.flatMap((e) => e.papers)].map((p, index) =>
      (cachedIndexes as readonly number[]).includes(index)
        ? {
            ...p,
            download: {
              state: 'complete' as const,
              receivedBytes: p.version?.size ?? 0,
              totalBytes: p.version?.size ?? 0,
              error: null,
            },
          }
        : p,
    );
    const detail = { ...base, offline: offlineOf(papers) };
    renderApp(createFakeBridge({}, { user: MEMBER, meetings: [detail] }));
    const badge = await screen.findByTestId('meeting-offline-badge');
    expect(badge.getAttribute('data-state')).toBe(state);
    expect(badge.textContent).toBe(text);
  });

  it('keeps the honest empty state when the list is empty', async () => {
    renderApp(createFakeBridge({ serverUrl: 'https://ecabinet.chinhphu.vn' }, { user: MEMBER }));
    const empty = await screen.findByTestId('meetings-empty');
    expect(empty.textContent).toContain(vi.meetings.empty.title);
    expect(screen.queryByTestId('meetings-list')).toBeNull();
  });

  it('reloads when a pulled page is applied', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    renderApp(bridge);
    await screen.findByTestId('meetings-empty');
    bridge.core.meetings = [meetingDetail(1, Date.now() + DAY_MS)];
    act(() => bridge.emit('sync:applied', { entities: ['meeting', 'agendaItem'], cursor: 7 }));
    await waitFor(() => expect(cards()).toHaveLength(1));
  });

  it('reloads the badge when a download finishes, not on every progress tick', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = createFakeBridge({}, { user: MEMBER, meetings: [detail] });
    renderApp(bridge);
    await screen.findByTestId('meeting-card');
    const lists = (): number => bridge.callsTo('meetings:list').length;
    const before = lists();
    const first = detail.items[0]?.papers[0];
    if (!first?.version) throw new Error('fixture');
    const progress = (state: string, received: number) => ({
      meetingId: detail.meeting.id,
      documentId: first.document.id,
      sha256: first.version?.sha256,
      download: { state, receivedBytes: received, totalBytes: 2_000_000, error: null },
    });
    act(() => bridge.emit('download:progress', progress('downloading', 1000)));
    await act(async () => {});
    expect(lists()).toBe(before);
    act(() => bridge.emit('download:progress', progress('complete', 2_000_000)));
    await waitFor(() => expect(lists()).toBe(before + 1));
  });

  it('shows a failed load with a retry', async () => {
    const bridge = createFakeBridge({}, { user: MEMBER });
    bridge.override('meetings:list', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '' },
    }));
    renderApp(bridge);
    const error = await screen.findByTestId('meetings-load-error');
    expect(error.textContent).toContain(vi.meetings.loadFailed);
    bridge.override('meetings:list', undefined);
    fireEvent.click(within(error).getByRole('button'));
    expect(await screen.findByTestId('meetings-empty')).toBeTruthy();
  });

  it('forgets the list on sign-out, so the next user never sees it', async () => {
    const bridge = createFakeBridge(
      {},
      { user: MEMBER, meetings: [meetingDetail(1, Date.now() + DAY_MS)] },
    );
    renderApp(bridge);
    await screen.findByTestId('meeting-card');
    fireEvent.click(screen.getByTestId('logout'));
    await screen.findByTestId('login-screen');
    bridge.core.meetings = [];
    bridge.core.user = MEMBER;
    act(() => bridge.emit('session:changed', { user: MEMBER, reason: 'login' }));
    expect(await screen.findByTestId('meetings-empty')).toBeTruthy();
    expect(screen.queryByTestId('meeting-card')).toBeNull();
  });

  it('shows markup in a title or location as text', async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script><b>x</b>';
    const detail = meetingDetail(1, Date.now() + DAY_MS, {
      meeting: { title: markup, location: markup },
    });
    const view = renderApp(createFakeBridge({}, { user: MEMBER, meetings: [detail] }));
    const card = await screen.findByTestId('meeting-card');
    expect(within(card).getByTestId('meeting-link').textContent).toBe(markup);
    expect(view.container.querySelector('img, script, b')).toBeNull();
  });

  it('counts a paper that has not synced its version yet', async () => {
    const base = meetingDetail(1, Date.now() + DAY_MS);
    const pending = paper(77, base.meeting.id, null, { version: null });
    const detail = { ...base, otherPapers: [pending] };
    renderApp(createFakeBridge({}, { user: MEMBER, meetings: [detail] }));
    expect((await screen.findByTestId('meeting-card')).textContent).toContain('3 tài liệu');
  });
});

describe('meetings store and sessions', () => {
  it('reloads a list that was loading when a new session began', async () => {
    const { useMeetingsStore, startMeetingsSync } =
      await import('../../renderer/features/meetings/meetingsStore.ts');
    const { setBridgeForTests } = await import('../../renderer/ipc/getBridge.ts');
    const { deferred } = await import('./deferred.ts');
    const bridge = createFakeBridge(
      {},
      { user: MEMBER, meetings: [meetingDetail(1, Date.now() + DAY_MS)] },
    );
    const first = deferred<unknown>();
    bridge.override('meetings:list', () => first.promise);
    setBridgeForTests(bridge);
    const stop = startMeetingsSync();
    const loading = useMeetingsStore.getState().load();
    bridge.override('meetings:list', undefined);
    bridge.emit('session:changed', { user: MEMBER, reason: 'login' });
    first.resolve({ ok: true, value: { meetings: [] } });
    await loading;
    await waitFor(() => expect(useMeetingsStore.getState().meetings).toHaveLength(1));
    expect(useMeetingsStore.getState().loadStatus).toBe('ready');
    stop();
  });
});
