import type {
  AgendaItem,
  Document,
  DocumentVersion,
  Meeting,
} from '../../shared/domain/meeting.ts';
import type {
  DownloadState,
  MeetingDetail,
  MeetingSummary,
  OfflineSummary,
  PaperView,
} from '../../shared/domain/offline.ts';
import type { User } from '../../shared/domain/user.ts';

/** Stable UUIDs for fixtures: `uuid(1)` → 00000000-0000-4000-8000-000000000001. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A SHA-256-shaped hex string derived from `n`. */
export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

const HOUR_MS = 3_600_000;
const STAMP = '2026-11-01T00:00:00.000Z';

export const MEMBER: User = {
  id: uuid(900),
  username: 'bt.taichinh',
  displayName: 'Nguyễn Văn An',
  title: 'Bộ trưởng Bộ Tài chính',
  unit: 'Bộ Tài chính',
  role: 'member',
};

export const CHAIR: User = {
  id: uuid(901),
  username: 'thutuong',
  displayName: 'Trần Thị Bình',
  title: 'Thủ tướng Chính phủ',
  unit: 'Chính phủ',
  role: 'member',
};

export function meeting(n: number, startsAt: number, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: uuid(n),
    title: `Phiên họp Chính phủ thường kỳ số ${n}`,
    kind: 'regular',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3 * HOUR_MS).toISOString(),
    location: 'Phòng họp Chính phủ, số 1 Hoàng Hoa Thám',
    chairId: CHAIR.id,
    status: 'published',
    updatedAt: STAMP,
    ...overrides,
  };
}

export const NO_DOWNLOAD: DownloadState = {
  state: 'none',
  receivedBytes: 0,
  totalBytes: 0,
  error: null,
};

export function paper(
  n: number,
  meetingId: string,
  agendaItemId: string | null,
  overrides: {
    document?: Partial<Document>;
    version?: Partial<DocumentVersion> | null;
    download?: DownloadState;
  } = {},
): PaperView {
  const document: Document = {
    id: uuid(n),
    meetingId,
    agendaItemId,
    title: `Tờ trình số ${n}`,
    kind: 'submission',
    position: 1,
    currentVersion: 2,
    copyAllowed: true,
    updatedAt: STAMP,
    ...overrides.document,
  };
  const version: DocumentVersion | null =
    overrides.version === null
      ? null
      : {
          id: uuid(n + 5000),
          documentId: document.id,
          meetingId,
          version: document.currentVersion,
          sha256: sha(n),
          size: 2_000_000,
          pageCount: 5,
          fileName: `to-trinh-${n}.pdf`,
          createdAt: STAMP,
          ...overrides.version,
        };
  const size = version?.size ?? 0;
  return {
    document,
    version,
    download: overrides.download ?? { ...NO_DOWNLOAD, totalBytes: size },
  };
}

export function agendaItem(
  n: number,
  meetingId: string,
  position: number,
  overrides: Partial<AgendaItem> = {},
): AgendaItem {
  return {
    id: uuid(n),
    meetingId,
    position,
    title: `Dự án Luật số ${n}`,
    presenter: 'Bộ Tư pháp',
    startsAt: null,
    durationMinutes: 30,
    summary: '',
    updatedAt: STAMP,
    ...overrides,
  };
}

/** The offline summary the core would compute for these papers. */
export function offlineOf(papers: readonly PaperView[]): OfflineSummary {
  const cached = papers.filter((p) => p.download.state === 'complete');
  const size = (list: readonly PaperView[]): number =>
    list.reduce((sum, p) => sum + (p.version?.size ?? 0), 0);
  const state =
    cached.length >= papers.length ? 'complete' : cached.length === 0 ? 'none' : 'partial';
  return {
    state,
    cachedDocuments: cached.length,
    totalDocuments: papers.length,
    cachedBytes: size(cached),
    totalBytes: size(papers),
  };
}

/**
 * A meeting with two agenda items: item 1 with two papers, item 2 with none; the chair and a
 * member take part.
 */
export function meetingDetail(
  n: number,
  startsAt: number,
  overrides: { meeting?: Partial<Meeting>; papers?: PaperView[] } = {},
): MeetingDetail {
  const m = meeting(n, startsAt, overrides.meeting);
  const first = agendaItem(n + 100, m.id, 1, {
    title: 'Dự án Luật Ngân sách nhà nước (sửa đổi)',
    presenter: 'Bộ Tài chính',
    startsAt: m.startsAt,
    durationMinutes: 45,
    summary: 'Trình Chính phủ cho ý kiến.\nDự kiến trình Quốc hội kỳ họp tới.',
  });
  const second = agendaItem(n + 101, m.id, 2, {
    title: 'Báo cáo tình hình kinh tế - xã hội',
    presenter: 'Bộ Kế hoạch và Đầu tư',
  });
  const papers = overrides.papers ?? [
    paper(n + 200, m.id, first.id, {
      document: { title: 'Tờ trình Dự án Luật Ngân sách', kind: 'submission' },
    }),
    paper(n + 201, m.id, first.id, {
      document: { title: 'Dự thảo Luật Ngân sách', kind: 'draft', position: 2, currentVersion: 3 },
      version: { size: 1_500_000 },
    }),
  ];
  return {
    meeting: m,
    items: [
      { item: first, papers: papers.filter((p) => p.document.agendaItemId === first.id) },
      { item: second, papers: papers.filter((p) => p.document.agendaItemId === second.id) },
    ],
    otherPapers: papers.filter((p) => p.document.agendaItemId === null),
    participants: [
      {
        participant: {
          id: `${m.id}:${CHAIR.id}`,
          meetingId: m.id,
          userId: CHAIR.id,
          role: 'chair',
          substituteFor: null,
          mayVote: true,
        },
        user: CHAIR,
      },
      {
        participant: {
          id: `${m.id}:${MEMBER.id}`,
          meetingId: m.id,
          userId: MEMBER.id,
          role: 'member',
          substituteFor: null,
          mayVote: true,
        },
        user: MEMBER,
      },
    ],
    offline: offlineOf(papers),
  };
}

/** The list entry the core would return for a detail. */
export function summaryOf(detail: MeetingDetail): MeetingSummary {
  return {
    meeting: detail.meeting,
    itemCount: detail.items.length,
    documentCount:
      detail.items.reduce((n, e) => n + e.papers.length, 0) + detail.otherPapers.length,
    offline: detail.offline,
  };
}
