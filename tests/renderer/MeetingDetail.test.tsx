import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DownloadState, MeetingDetail } from '../../shared/domain/offline.ts';
import vi from '../../renderer/i18n/vi.json';
import { createFakeBridge, type FakeBridge } from './fakeBridge.ts';
import { CHAIR, MEMBER, meetingDetail, offlineOf, paper, uuid } from './fixtures.ts';
import { renderApp } from './renderApp.tsx';

const DAY_MS = 86_400_000;

async function openDetail(detail: MeetingDetail, bridge?: FakeBridge): Promise<FakeBridge> {
  const used = bridge ?? createFakeBridge({}, { user: MEMBER, meetings: [detail] });
  renderApp(used, `#/meetings/${detail.meeting.id}`);
  await waitFor(() =>
    expect(screen.getByTestId('meeting-detail').getAttribute('data-state')).toBe('ready'),
  );
  return used;
}

function papersOf(detail: MeetingDetail) {
  return [...detail.items.flatMap((entry) => entry.papers), ...detail.otherPapers];
}

function progressEvent(detail: MeetingDetail, index: number, download: DownloadState) {
  const target = papersOf(detail)[index];
  if (!target?.version) throw new Error('fixture has no such paper');
  return {
    meetingId: detail.meeting.id,
    documentId: target.document.id,
    sha256: target.version.sha256,
    download,
  };
}

describe('meeting detail', () => {
  it('shows the header, the ordered agenda with presenters, slots and summaries', async () => {
    const startsAt = Date.UTC(2031, 10, 21, 9, 0);
    const detail = meetingDetail(1, startsAt);
    await openDetail(detail);
    expect(screen.getByTestId('meeting-title').textContent).toBe(detail.meeting.title);
    const view = screen.getByTestId('meeting-detail');
    expect(view.textContent).toContain(detail.meeting.location);
    expect(view.textContent).toContain(`${vi.meeting.chair}${CHAIR.displayName}`);
    const items = screen.getAllByTestId('agenda-item');
    expect(items.map((item) => item.getAttribute('data-item-id'))).toEqual(
      detail.items.map((e) => e.item.id),
    );
    const [first, second] = items;
    if (!first || !second) throw new Error('two items expected');
    expect(first.textContent).toContain('Dự án Luật Ngân sách nhà nước (sửa đổi)');
    expect(first.textContent).toContain(`${vi.agenda.presenter} Bộ Tài chính`);
    expect(first.textContent).toMatch(/\d\d:\d\d–\d\d:\d\d \(45 phút\)/);
    expect(first.textContent).toContain(
      'Trình Chính phủ cho ý kiến.\nDự kiến trình Quốc hội kỳ họp tới.',
    );
    expect(second.textContent).toContain('30 phút');
    expect(second.textContent).toContain(vi.agenda.noPapers);
    expect(within(first).getAllByText('1').length).toBeGreaterThan(0);
  });

  it('lists each paper with its kind, version, size, state and a link to the reader', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    await openDetail(detail);
    const links = screen.getAllByTestId('paper-link');
    const [submission, draft] = papersOf(detail);
    if (!submission || !draft) throw new Error('fixture');
    expect(links.map((link) => link.getAttribute('data-document-id'))).toEqual([
      submission.document.id,
      draft.document.id,
    ]);
    expect(links[0]?.getAttribute('href')).toBe(
      `#/meetings/${detail.meeting.id}/papers/${submission.document.id}`,
    );
    const rows = screen.getAllByTestId('paper');
    expect(rows[0]?.textContent).toContain(vi.paper.kind.submission);
    expect(rows[0]?.textContent).toContain('Phiên bản 2');
    expect(rows[0]?.textContent).toContain('2 MB');
    expect(rows[0]?.textContent).toContain('5 trang');
    expect(rows[1]?.textContent).toContain(vi.paper.kind.draft);
    expect(rows[1]?.textContent).toContain('Phiên bản 3');
    expect(rows[1]?.textContent).toContain('1,5 MB');
    expect(within(rows[0] as HTMLElement).getByTestId('paper-download').textContent).toBe(
      vi.paper.download.none,
    );
  });

  it.each([
    ['report', vi.paper.kind.report],
    ['other', vi.paper.kind.other],
  ] as const)('labels a %s paper', async (kind, label) => {
    const base = meetingDetail(1, Date.now() + DAY_MS, { papers: [] });
    const detail = {
      ...base,
      otherPapers: [paper(50, base.meeting.id, null, { document: { kind } })],
    };
    await openDetail(detail);
    expect(screen.getByTestId('paper').textContent).toContain(label);
    expect(screen.getByRole('heading', { name: vi.agenda.otherPapers })).toBeTruthy();
  });

  it('makes the meeting available offline, following download:progress to "available offline"', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openDetail(detail);
    const status = screen.getByTestId('meeting-offline-status');
    expect(status.getAttribute('data-state')).toBe('none');
    expect(status.textContent).toBe(vi.offline.status.none);

    fireEvent.click(screen.getByTestId('make-offline'));
    await waitFor(() =>
      expect(bridge.callsTo('documents:download')).toEqual([{ meetingId: detail.meeting.id }]),
    );

    // First paper half-way: both the paper and the meeting show progress.
    act(() =>
      bridge.emit(
        'download:progress',
        progressEvent(detail, 0, {
          state: 'downloading',
          receivedBytes: 1_000_000,
          totalBytes: 2_000_000,
          error: null,
        }),
      ),
    );
    act(() =>
      bridge.emit(
        'download:progress',
        progressEvent(detail, 1, {
          state: 'queued',
          receivedBytes: 0,
          totalBytes: 1_500_000,
          error: null,
        }),
      ),
    );
    const rows = screen.getAllByTestId('paper');
    const firstState = within(rows[0] as HTMLElement).getByTestId('paper-download');
    expect(firstState.getAttribute('data-state')).toBe('downloading');
    expect(firstState.textContent).toContain('Đang tải 50%');
    expect(within(rows[0] as HTMLElement).getByRole('progressbar')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByTestId('paper-download').textContent).toBe(
      vi.paper.download.queued,
    );
    const bar = screen.getByTestId('meeting-offline-progress');
    expect(bar.getAttribute('value')).toBe('1000000');
    expect(bar.getAttribute('max')).toBe('3500000');
    expect(screen.getByTestId('make-offline').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('make-offline').textContent).toBe(vi.offline.downloading);

    // The first finishes: the core now reports it cached, and the meeting is partial.
    const done = (p: ReturnType<typeof papersOf>[number]) => ({
      ...p,
      download: {
        state: 'complete' as const,
        receivedBytes: p.version?.size ?? 0,
        totalBytes: p.version?.size ?? 0,
        error: null,
      },
    });
    const withFirst = (d: MeetingDetail): MeetingDetail => {
      const papers = papersOf(d).map((p, i) => (i === 0 ? done(p) : p));
      return {
        ...d,
        items: d.items.map((e) => ({
          ...e,
          papers: papers.filter((p) => p.document.agendaItemId === e.item.id),
        })),
        offline: offlineOf(papers),
      };
    };
    bridge.core.meetings = [withFirst(detail)];
    act(() =>
      bridge.emit(
        'download:progress',
        progressEvent(detail, 0, {
          state: 'complete',
          receivedBytes: 2_000_000,
          totalBytes: 2_000_000,
          error: null,
        }),
      ),
    );
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('partial'));
    expect(status.textContent).toBe('Đã tải 1/2 tài liệu về máy.');

    // The second finishes: available offline, no button any more.
    const all = papersOf(detail).map(done);
    bridge.core.meetings = [
      {
        ...detail,
        items: detail.items.map((e) => ({
          ...e,
          papers: all.filter((p) => p.document.agendaItemId === e.item.id),
        })),
        offline: offlineOf(all),
      },
    ];
    act(() =>
      bridge.emit(
        'download:progress',
        progressEvent(detail, 1, {
          state: 'complete',
          receivedBytes: 1_500_000,
          totalBytes: 1_500_000,
          error: null,
        }),
      ),
    );
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('complete'));
    expect(status.textContent).toBe(vi.offline.status.complete);
    expect(screen.queryByTestId('make-offline')).toBeNull();
    expect(screen.queryByTestId('meeting-offline-progress')).toBeNull();
    for (const row of screen.getAllByTestId('paper-download'))
      expect(row.getAttribute('data-state')).toBe('complete');
  });

  it('ignores progress for another meeting or an older version of the paper', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openDetail(detail);
    const event = progressEvent(detail, 0, {
      state: 'downloading',
      receivedBytes: 10,
      totalBytes: 2_000_000,
      error: null,
    });
    act(() => bridge.emit('download:progress', { ...event, meetingId: uuid(4444) }));
    act(() => bridge.emit('download:progress', { ...event, sha256: 'f'.repeat(64) }));
    expect(screen.getAllByTestId('paper-download')[0]?.getAttribute('data-state')).toBe('none');
  });

  it('shows a failed download with its reason and offers a retry', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openDetail(detail);
    const failed: DownloadState = {
      state: 'failed',
      receivedBytes: 0,
      totalBytes: 2_000_000,
      error: 'SERVER_UNREACHABLE',
    };
    // The core remembers the failure, so the reload after the event agrees with it.
    const papers = papersOf(detail).map((p, i) => (i === 0 ? { ...p, download: failed } : p));
    bridge.core.meetings = [
      {
        ...detail,
        items: detail.items.map((e) => ({
          ...e,
          papers: papers.filter((p) => p.document.agendaItemId === e.item.id),
        })),
      },
    ];
    act(() => bridge.emit('download:progress', progressEvent(detail, 0, failed)));
    const first = screen.getAllByTestId('paper-download')[0];
    expect(first?.getAttribute('data-state')).toBe('failed');
    expect(first?.textContent).toBe(`Tải lỗi: ${vi.errors.SERVER_UNREACHABLE}`);
    await waitFor(() => expect(bridge.callsTo('meetings:get').length).toBeGreaterThan(1));
    expect(first?.getAttribute('data-state')).toBe('failed');
    expect(screen.getByTestId('make-offline').textContent).toBe(vi.offline.retry);
    expect(screen.getByTestId('meeting-detail').textContent).toContain(
      '1 tài liệu tải không thành công.',
    );
  });

  it('shows an unknown failure code from the core as an internal error', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openDetail(detail);
    act(() =>
      bridge.emit(
        'download:progress',
        progressEvent(detail, 0, {
          state: 'failed',
          receivedBytes: 0,
          totalBytes: 1,
          error: '<b>WEIRD</b>',
        }),
      ),
    );
    expect(screen.getAllByTestId('paper-download')[0]?.textContent).toBe(
      `Tải lỗi: ${vi.errors.INTERNAL}`,
    );
  });

  it('says why offline reading is unavailable where the OS has no secret store', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    await openDetail(
      detail,
      createFakeBridge({}, { user: MEMBER, meetings: [detail], offlineCacheAvailable: false }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('offline-unavailable').textContent).toBe(vi.offline.unavailable),
    );
    expect(screen.queryByTestId('make-offline')).toBeNull();
  });

  it('reports a refused download request', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = createFakeBridge({}, { user: MEMBER, meetings: [detail] });
    bridge.override('documents:download', () => ({
      ok: false,
      error: { code: 'NOT_LOGGED_IN', message: '' },
    }));
    await openDetail(detail, bridge);
    fireEvent.click(screen.getByTestId('make-offline'));
    expect((await screen.findByRole('alert')).textContent).toContain(vi.errors.NOT_LOGGED_IN);
  });

  it('lists participants in a collapsed section', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    await openDetail(detail);
    const section = screen.getByTestId('participants');
    expect(section.tagName).toBe('DETAILS');
    expect(section.hasAttribute('open')).toBe(false);
    expect(section.querySelector('summary')?.textContent).toBe('Thành phần tham dự (2)');
    const people = within(section).getAllByTestId('participant');
    expect(people[0]?.textContent).toContain(CHAIR.displayName);
    expect(people[0]?.textContent).toContain(vi.participants.role.chair);
    expect(people[1]?.textContent).toContain(MEMBER.title);
  });

  it('names the member a substitute attends for', async () => {
    const base = meetingDetail(1, Date.now() + DAY_MS);
    const deputy = { ...MEMBER, id: uuid(950), displayName: 'Lê Văn Cường', title: 'Thứ trưởng' };
    const detail: MeetingDetail = {
      ...base,
      participants: [
        ...base.participants,
        {
          participant: {
            id: `${base.meeting.id}:${deputy.id}`,
            meetingId: base.meeting.id,
            userId: deputy.id,
            role: 'substitute',
            substituteFor: MEMBER.id,
            mayVote: false,
          },
          user: deputy,
        },
      ],
    };
    await openDetail(detail);
    const people = within(screen.getByTestId('participants')).getAllByTestId('participant');
    expect(people[2]?.textContent).toContain(`Dự họp thay ${MEMBER.displayName}`);
  });

  it('reloads after a pulled page (a replaced paper shows its new version)', async () => {
    const detail = meetingDetail(1, Date.now() + DAY_MS);
    const bridge = await openDetail(detail);
    const replaced = papersOf(detail).map((p, i) =>
      i === 0 ? { ...p, document: { ...p.document, currentVersion: 7 } } : p,
    );
    bridge.core.meetings = [
      {
        ...detail,
        items: detail.items.map((e) => ({
          ...e,
          papers: replaced.filter((p) => p.document.agendaItemId === e.item.id),
        })),
      },
    ];
    act(() => bridge.emit('sync:applied', { entities: ['document'], cursor: 9 }));
    await waitFor(() =>
      expect(screen.getAllByTestId('paper')[0]?.textContent).toContain('Phiên bản 7'),
    );
  });

  it('shows NOT_FOUND for a meeting that is not on this device', async () => {
    renderApp(createFakeBridge({}, { user: MEMBER }), `#/meetings/${uuid(123)}`);
    const error = await screen.findByTestId('meeting-load-error');
    expect(error.textContent).toContain(vi.errors.NOT_FOUND);
    expect(screen.getByTestId('back-to-meetings').getAttribute('href')).toBe('#/meetings');
  });

  it('shows markup in titles, names, summaries and paper titles as text', async () => {
    const markup = '<img src=x onerror="window.__pwned=1"><b>x</b>';
    const base = meetingDetail(1, Date.now() + DAY_MS, {
      meeting: { title: markup, location: markup },
    });
    const detail: MeetingDetail = {
      ...base,
      items: base.items.map((e) => ({
        item: { ...e.item, title: markup, presenter: markup, summary: markup },
        papers: e.papers.map((p) => ({ ...p, document: { ...p.document, title: markup } })),
      })),
      participants: base.participants.map((p) => ({
        ...p,
        user: p.user ? { ...p.user, displayName: markup, title: markup } : null,
      })),
    };
    await openDetail(detail);
    const view = screen.getByTestId('meeting-detail');
    expect(screen.getByTestId('meeting-title').textContent).toBe(markup);
    expect(screen.getAllByTestId('paper-link')[0]?.textContent).toBe(markup);
    expect(view.querySelector('img, b')).toBeNull();
    expect(document.querySelector('img, b')).toBeNull();
  });
});
