import type { InferSelectModel } from 'drizzle-orm';
import type {
  AgendaItem,
  Document,
  DocumentVersion,
  Meeting,
  Participant,
} from '../../../shared/domain/meeting.ts';
import { DOCUMENT_KINDS, PARTICIPANT_ROLES } from '../../../shared/domain/meeting.ts';
import type { Role, User } from '../../../shared/domain/user.ts';
import { ROLES } from '../../../shared/domain/user.ts';
import type { AdminDocument } from '../../../shared/protocol/admin.ts';
import type {
  agendaItems,
  documents,
  documentVersions,
  meetings,
  participants,
  users,
} from './schema.ts';

/**
 * Rows → the shared/domain shapes that go on the wire. The CHECK constraints of the
 * migration guarantee the enum columns; `oneOf` re-checks them instead of casting blindly.
 */

export type UserRow = InferSelectModel<typeof users>;
export type MeetingRow = InferSelectModel<typeof meetings>;
export type AgendaItemRow = InferSelectModel<typeof agendaItems>;
export type DocumentRow = InferSelectModel<typeof documents>;
export type DocumentVersionRow = InferSelectModel<typeof documentVersions>;
export type ParticipantRow = InferSelectModel<typeof participants>;

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected ${column} in the database: ${value}`);
  return found;
}

const iso = (date: Date): string => date.toISOString();

export const participantId = (meetingId: string, userId: string): string =>
  `${meetingId}:${userId}`;

export function toRole(value: string): Role {
  return oneOf(ROLES, value, 'users.role');
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    title: row.title,
    unit: row.unit,
    role: toRole(row.role),
  };
}

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    title: row.title,
    kind: oneOf(['regular', 'thematic', 'extraordinary'] as const, row.kind, 'meetings.kind'),
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    location: row.location,
    chairId: row.chairId,
    status: oneOf(['draft', 'published', 'closed'] as const, row.status, 'meetings.status'),
    updatedAt: iso(row.updatedAt),
  };
}

export function toAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    position: row.position,
    title: row.title,
    presenter: row.presenter,
    startsAt: row.startsAt === null ? null : iso(row.startsAt),
    durationMinutes: row.durationMinutes,
    summary: row.summary,
    updatedAt: iso(row.updatedAt),
  };
}

export function toAdminDocument(row: DocumentRow): AdminDocument {
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    title: row.title,
    kind: oneOf(DOCUMENT_KINDS, row.kind, 'documents.kind'),
    position: row.position,
    currentVersion: row.currentVersion,
    copyAllowed: row.copyAllowed,
    updatedAt: iso(row.updatedAt),
  };
}

/** The wire shape; null while the document has no version (it is not sent to devices yet). */
export function toDocument(row: DocumentRow): Document | null {
  if (row.currentVersion < 1) return null;
  return { ...toAdminDocument(row), currentVersion: row.currentVersion };
}

export function toDocumentVersion(row: DocumentVersionRow): DocumentVersion {
  return {
    id: row.id,
    documentId: row.documentId,
    meetingId: row.meetingId,
    version: row.version,
    sha256: row.sha256,
    size: row.size,
    pageCount: row.pageCount,
    fileName: row.fileName,
    createdAt: iso(row.createdAt),
  };
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    id: participantId(row.meetingId, row.userId),
    meetingId: row.meetingId,
    userId: row.userId,
    role: oneOf(PARTICIPANT_ROLES, row.role, 'participants.role'),
    substituteFor: row.substituteFor,
    mayVote: row.mayVote,
  };
}
