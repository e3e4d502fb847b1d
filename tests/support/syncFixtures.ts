import { createHash, randomUUID } from 'node:crypto';
import type {
  AgendaItem,
  Document,
  DocumentVersion,
  Meeting,
  Participant,
} from '../../shared/domain/meeting.ts';
import type { User } from '../../shared/domain/user.ts';
import type { Change } from '../../shared/protocol/changes.ts';

/** Builders of valid domain records and change-log entries for core tests. */
export const T0 = '2026-11-21T09:00:00.000Z';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function makeUser(over: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    username: `u${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Nguyễn Văn A',
    title: 'Bộ trưởng',
    unit: 'Bộ Tài chính',
    role: 'member',
    ...over,
  };
}

export function makeMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: randomUUID(),
    title: 'Phiên họp Chính phủ thường kỳ tháng 11/2026',
    kind: 'regular',
    startsAt: T0,
    endsAt: '2026-11-21T12:00:00.000Z',
    location: 'Hà Nội',
    chairId: null,
    status: 'published',
    updatedAt: T0,
    ...over,
  };
}

export function makeItem(
  meetingId: string,
  position: number,
  over: Partial<AgendaItem> = {},
): AgendaItem {
  return {
    id: randomUUID(),
    meetingId,
    position,
    title: `Nội dung ${position}`,
    presenter: 'Bộ Kế hoạch và Đầu tư',
    startsAt: null,
    durationMinutes: 30,
    summary: '',
    updatedAt: T0,
    ...over,
  };
}

export function makeDocument(
  meetingId: string,
  agendaItemId: string | null,
  position: number,
  over: Partial<Document> = {},
): Document {
  return {
    id: randomUUID(),
    meetingId,
    agendaItemId,
    title: `Tờ trình ${position}`,
    kind: 'submission',
    position,
    currentVersion: 1,
    copyAllowed: true,
    updatedAt: T0,
    ...over,
  };
}

export function makeVersion(document: Document, bytes: Uint8Array, version = 1): DocumentVersion {
  return {
    id: randomUUID(),
    documentId: document.id,
    meetingId: document.meetingId,
    version,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    pageCount: 1,
    fileName: 'to-trinh.pdf',
    createdAt: T0,
  };
}

export function makeParticipant(
  meetingId: string,
  userId: string,
  over: Partial<Participant> = {},
): Participant {
  return {
    id: `${meetingId}:${userId}`,
    meetingId,
    userId,
    role: 'member',
    substituteFor: null,
    mayVote: true,
    ...over,
  };
}

/** Numbers changes from `firstSeq`. */
export class ChangeLog {
  private seq: number;
  constructor(firstSeq = 1) {
    this.seq = firstSeq;
  }
  get last(): number {
    return this.seq - 1;
  }
  upsert<E extends Change['entity']>(
    entity: E,
    data: Extract<Change, { op: 'upsert'; entity: E }>['data'],
  ): Change {
    return { seq: this.seq++, op: 'upsert', entity, data } as Change;
  }
  delete(entity: Change['entity'], id: string): Change {
    return { seq: this.seq++, op: 'delete', entity, id };
  }
}

/** A meeting with one item, two papers (one per version) and the user as participant. */
export function meetingBundle(
  log: ChangeLog,
  user: User,
  papers: Uint8Array[] = [Buffer.from('%PDF-1.7 paper A'), Buffer.from('%PDF-1.7 paper B')],
) {
  const meeting = makeMeeting();
  const item = makeItem(meeting.id, 1);
  const documents = papers.map((_, i) => makeDocument(meeting.id, i === 0 ? item.id : null, i + 1));
  const versions = documents.map((d, i) => makeVersion(d, papers[i] ?? Buffer.alloc(0)));
  const participant = makeParticipant(meeting.id, user.id);
  const changes: Change[] = [
    log.upsert('user', user),
    log.upsert('meeting', meeting),
    log.upsert('agendaItem', item),
    ...documents.map((d) => log.upsert('document', d)),
    ...versions.map((v) => log.upsert('documentVersion', v)),
    log.upsert('participant', participant),
  ];
  return { meeting, item, documents, versions, participant, papers, changes };
}
