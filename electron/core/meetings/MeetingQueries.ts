import type { DatabaseSync } from 'node:sqlite';
import type { Document } from '../../../shared/domain/meeting.ts';
import type {
  DownloadState,
  MeetingDetail,
  MeetingSummary,
  OfflineSummary,
  PaperView,
} from '../../../shared/domain/offline.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { ReplicaReader } from '../store/ReplicaReader.ts';

interface OfflineCounts {
  totalDocuments: number;
  cachedDocuments: number;
  totalBytes: number;
  cachedBytes: number;
}

/**
 * Read models for the meetings screens, built from the local replica only (works offline).
 * "Available offline" counts a paper as cached when its current version's blob is in
 * `cached_blobs`; a meeting without papers counts as complete.
 */
export class MeetingQueries {
  private readonly db: DatabaseSync;
  private readonly reader: ReplicaReader;
  private readonly downloadState: (sha256: string, size: number) => DownloadState;

  constructor(
    db: DatabaseSync,
    reader: ReplicaReader,
    downloadState: (sha256: string, size: number) => DownloadState,
  ) {
    this.db = db;
    this.reader = reader;
    this.downloadState = downloadState;
  }

  list(): MeetingSummary[] {
    const items = new Map<string, number>();
    for (const row of this.db
      .prepare('SELECT meeting_id, COUNT(*) AS n FROM agenda_items GROUP BY meeting_id')
      .all()) {
      if (typeof row['meeting_id'] === 'string' && typeof row['n'] === 'number')
        items.set(row['meeting_id'], row['n']);
    }
    const offline = this.offlineCounts();
    return this.reader.meetings().map((meeting) => {
      const counts = offline.get(meeting.id) ?? {
        totalDocuments: 0,
        cachedDocuments: 0,
        totalBytes: 0,
        cachedBytes: 0,
      };
      return {
        meeting,
        itemCount: items.get(meeting.id) ?? 0,
        documentCount: counts.totalDocuments,
        offline: summarize(counts),
      };
    });
  }

  get(meetingId: string): MeetingDetail {
    const meeting = this.reader.meeting(meetingId);
    if (!meeting) throw new IpcError('NOT_FOUND', 'no such meeting on this device');
    const items = this.reader.items(meetingId);
    const itemIds = new Set(items.map((i) => i.id));
    const papersByItem = new Map<string, PaperView[]>();
    const otherPapers: PaperView[] = [];
    for (const document of this.reader.documents(meetingId)) {
      const paper = this.paper(document);
      if (document.agendaItemId !== null && itemIds.has(document.agendaItemId)) {
        const list = papersByItem.get(document.agendaItemId) ?? [];
        list.push(paper);
        papersByItem.set(document.agendaItemId, list);
      } else {
        otherPapers.push(paper);
      }
    }
    const participants = this.reader
      .participants(meetingId)
      .map((participant) => ({ participant, user: this.reader.user(participant.userId) }));
    const counts = this.offlineCounts(meetingId).get(meetingId) ?? {
      totalDocuments: 0,
      cachedDocuments: 0,
      totalBytes: 0,
      cachedBytes: 0,
    };
    return {
      meeting,
      items: items.map((item) => ({ item, papers: papersByItem.get(item.id) ?? [] })),
      otherPapers,
      participants,
      offline: summarize(counts),
    };
  }

  private paper(document: Document): PaperView {
    const version = this.reader.version(document.id, document.currentVersion);
    const download: DownloadState = version
      ? this.downloadState(version.sha256, version.size)
      : { state: 'none', receivedBytes: 0, totalBytes: 0, error: null };
    return { document, version, download };
  }

  /** Per meeting: papers, their current versions' sizes, and which of those are cached. */
  private offlineCounts(meetingId?: string): Map<string, OfflineCounts> {
    const sql = `
      SELECT d.meeting_id AS meeting_id,
             COUNT(*) AS total_documents,
             COALESCE(SUM(v.size), 0) AS total_bytes,
             COALESCE(SUM(CASE WHEN c.sha256 IS NOT NULL THEN 1 ELSE 0 END), 0) AS cached_documents,
             COALESCE(SUM(CASE WHEN c.sha256 IS NOT NULL THEN v.size ELSE 0 END), 0) AS cached_bytes
      FROM documents d
      LEFT JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
      LEFT JOIN cached_blobs c ON c.sha256 = v.sha256
      ${meetingId === undefined ? '' : 'WHERE d.meeting_id = ?'}
      GROUP BY d.meeting_id`;
    const rows =
      meetingId === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(meetingId);
    const out = new Map<string, OfflineCounts>();
    for (const row of rows) {
      const id = row['meeting_id'];
      if (typeof id !== 'string') continue;
      out.set(id, {
        totalDocuments: Number(row['total_documents'] ?? 0),
        cachedDocuments: Number(row['cached_documents'] ?? 0),
        totalBytes: Number(row['total_bytes'] ?? 0),
        cachedBytes: Number(row['cached_bytes'] ?? 0),
      });
    }
    return out;
  }
}

function summarize(counts: OfflineCounts): OfflineSummary {
  const state =
    counts.cachedDocuments >= counts.totalDocuments
      ? 'complete'
      : counts.cachedDocuments === 0
        ? 'none'
        : 'partial';
  return { state, ...counts };
}
