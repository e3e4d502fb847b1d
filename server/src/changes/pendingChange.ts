import type { Entity } from '../../../shared/protocol/changes.ts';
import type {
  AgendaItem,
  Document,
  DocumentVersion,
  Meeting,
  Participant,
} from '../../../shared/domain/meeting.ts';
import type { User } from '../../../shared/domain/user.ts';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { Ballot, Vote } from '../../../shared/domain/vote.ts';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import type { OpinionBallot, OpinionRecord } from '../../../shared/domain/opinionBallot.ts';
import type { Reminder } from '../../../shared/domain/reminder.ts';
import type { Attendance } from '../../../shared/domain/attendance.ts';

/**
 * The record shape carried by an upsert of each entity this server writes to its log (the
 * shared/domain schemas). ENTITIES in shared/protocol/changes.ts may already list more, for
 * features not served yet; each needs its entry here and in the change_log CHECK (a migration).
 */
export interface EntityData {
  user: User;
  meeting: Meeting;
  agendaItem: AgendaItem;
  document: Document;
  documentVersion: DocumentVersion;
  participant: Participant;
  comment: Comment;
  position: Position;
  vote: Vote;
  ballot: Ballot;
  annotation: AnnotationRecord;
  annotationComment: AnnotationComment;
  opinionBallot: OpinionBallot;
  opinion: OpinionRecord;
  reminder: Reminder;
  attendance: Attendance;
}

/** An entity this server writes to the change log. */
export type LoggedEntity = keyof EntityData & Entity;

/** A change-log entry before it has a seq (it gets one when its transaction appends it). */
export interface PendingChange {
  entity: LoggedEntity;
  entityId: string;
  op: 'upsert' | 'delete';
  /** The whole record for an upsert; null for a delete. */
  data: EntityData[LoggedEntity] | null;
  /** null only for global entries (the users directory). */
  meetingId: string | null;
  /** Set: only this user may see the entry. */
  targetUserId: string | null;
  /** Set: among members only this user may see the entry; staff see it too. */
  ownerUserId: string | null;
}

export function upsertChange<E extends LoggedEntity>(
  entity: E,
  data: EntityData[E],
  meetingId: string | null,
  targetUserId: string | null = null,
): PendingChange {
  return {
    entity,
    entityId: data.id,
    op: 'upsert',
    data,
    meetingId,
    targetUserId,
    ownerUserId: null,
  };
}

/**
 * An upsert that, among members, only `ownerUserId` sees (staff see it too): a member's own
 * position or ballot. Members do not see each other's positions or ballots on their devices.
 */
export function ownedUpsertChange<E extends LoggedEntity>(
  entity: E,
  data: EntityData[E],
  meetingId: string,
  ownerUserId: string,
): PendingChange {
  return {
    entity,
    entityId: data.id,
    op: 'upsert',
    data,
    meetingId,
    targetUserId: null,
    ownerUserId,
  };
}

export function deleteChange(
  entity: LoggedEntity,
  entityId: string,
  meetingId: string | null,
  targetUserId: string | null = null,
  ownerUserId: string | null = null,
): PendingChange {
  return { entity, entityId, op: 'delete', data: null, meetingId, targetUserId, ownerUserId };
}

/**
 * An upsert that, among members, only `ownerUserId` sees, outside any meeting (staff see it
 * too): a written-opinion ballot for one member asked, or a member's own signed opinion.
 */
export function memberOnlyUpsertChange<E extends LoggedEntity>(
  entity: E,
  data: EntityData[E],
  ownerUserId: string,
): PendingChange {
  return {
    entity,
    entityId: data.id,
    op: 'upsert',
    data,
    meetingId: null,
    targetUserId: null,
    ownerUserId,
  };
}
