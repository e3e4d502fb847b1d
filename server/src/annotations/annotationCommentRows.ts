import { asc, eq, inArray } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import { isStaff, type Principal } from '../auth/authService.ts';
import { deleteChange, type PendingChange } from '../changes/pendingChange.ts';
import { annotationComments } from '../db/annotationSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { narrows } from './annotationRows.ts';

export type AnnotationCommentRow = InferSelectModel<typeof annotationComments>;

const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** Row → wire record. */
export function toAnnotationComment(row: AnnotationCommentRow): AnnotationComment {
  return {
    id: row.id,
    meetingId: row.meetingId,
    annotationId: row.annotationId,
    parentId: row.parentId,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: isoOrNull(row.editedAt),
    deletedAt: isoOrNull(row.deletedAt),
  };
}

/**
 * The change-log entry that carries a comment to exactly its annotation's audience — the same
 * targeting as annotationUpsert (annotationRows.ts): private → targeted to the annotation's
 * author; secretariat → owned by that author (staff see it too); participants → the meeting's.
 */
export function annotationCommentUpsert(
  comment: AnnotationComment,
  annotation: Pick<AnnotationRecord, 'visibility' | 'authorId' | 'meetingId'>,
): PendingChange {
  const base = {
    entity: 'annotationComment' as const,
    entityId: comment.id,
    op: 'upsert' as const,
    data: comment,
    meetingId: annotation.meetingId,
  };
  switch (annotation.visibility) {
    case 'private':
      return { ...base, targetUserId: annotation.authorId, ownerUserId: null };
    case 'secretariat':
      return { ...base, targetUserId: null, ownerUserId: annotation.authorId };
    case 'participants':
      return { ...base, targetUserId: null, ownerUserId: null };
  }
}

/**
 * A delete for everyone who may have had the comment (members who may see the meeting, and
 * staff); a device that never had it ignores it (applying a delete of something unknown is a
 * no-op).
 */
export function annotationCommentWithdrawal(comment: {
  id: string;
  meetingId: string;
}): PendingChange {
  return deleteChange('annotationComment', comment.id, comment.meetingId);
}

/**
 * Whether `principal` can see `annotation` (in a meeting they may see): its author always;
 * anyone for a participants one; staff for a secretariat one. Who can see it may comment.
 */
export function canSeeAnnotation(
  principal: Pick<Principal, 'userId' | 'role'>,
  annotation: Pick<AnnotationRecord, 'visibility' | 'authorId'>,
): boolean {
  if (annotation.authorId === principal.userId) return true;
  if (annotation.visibility === 'participants') return true;
  return annotation.visibility === 'secretariat' && isStaff(principal.role);
}

/**
 * What an annotation's comments need when it changed from `before` to `after`: when it was
 * deleted, or its audience narrowed, every comment is withdrawn from the old audience; when it is
 * restored, or while it lives and its audience changed, every comment is carried to the new
 * one. Pure.
 */
export function commentChangesFor(
  before: AnnotationRecord,
  after: AnnotationRecord,
  comments: readonly AnnotationComment[],
): PendingChange[] {
  const deleted = before.deletedAt === null && after.deletedAt !== null;
  if (deleted) return comments.map(annotationCommentWithdrawal);
  const restored = before.deletedAt !== null && after.deletedAt === null;
  if (restored) return comments.map((c) => annotationCommentUpsert(c, after));
  if (before.visibility === after.visibility) return [];
  const out: PendingChange[] = [];
  if (narrows(before.visibility, after.visibility))
    out.push(...comments.map(annotationCommentWithdrawal));
  out.push(...comments.map((c) => annotationCommentUpsert(c, after)));
  return out;
}

/** The comments of `annotationIds` (deleted ones too), oldest first. */
export async function commentsOfAnnotations(
  tx: Database,
  annotationIds: readonly string[],
): Promise<AnnotationComment[]> {
  if (annotationIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(annotationComments)
    .where(inArray(annotationComments.annotationId, [...annotationIds]))
    .orderBy(asc(annotationComments.createdAt), asc(annotationComments.id));
  return rows.map(toAnnotationComment);
}

/** One comment row, locked for the change that reads it; undefined when there is none. */
export async function lockAnnotationComment(
  tx: Database,
  id: string,
): Promise<AnnotationCommentRow | undefined> {
  const [row] = await tx
    .select()
    .from(annotationComments)
    .where(eq(annotationComments.id, id))
    .for('update');
  return row;
}
