import { eq } from 'drizzle-orm';
import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import {
  annotationCommentUpsert,
  canSeeAnnotation,
  lockAnnotationComment,
  toAnnotationComment,
} from '../annotations/annotationCommentRows.ts';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import { toAnnotation } from '../annotations/annotationRows.ts';
import { annotationComments, annotations } from '../db/annotationSchema.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { visibleMeeting } from './participation.ts';

/**
 * Comments on annotations, with threaded replies (issue "Reader"). Whoever can see an
 * annotation may comment on it (its author; anyone who takes part in the meeting for a
 * participants one; staff for a secretariat one), and the comment reaches exactly the
 * annotation's audience (annotationCommentRows.ts). A comment belongs to its author: only the
 * author edits or deletes it (NOT_AUTHOR); the author's last change in the server's order wins.
 * An annotation the caller cannot see — unknown, deleted, private to someone else, or in a
 * meeting they may not see — is NOT_FOUND, the same answer whichever it is.
 */

/**
 * The live annotation `id` if the caller can see it, locked against a concurrent change of its
 * visibility (FOR SHARE: a visibility change waits, so it re-targets this comment too).
 */
async function visibleAnnotation(s: MutationScope, id: string): Promise<AnnotationRecord> {
  const [row] = await s.tx.select().from(annotations).where(eq(annotations.id, id)).for('share');
  if (row === undefined || row.deletedAt !== null)
    throw new MutationRejected('NOT_FOUND', 'no such annotation');
  await visibleMeeting(s.tx, s.principal, row.meetingId, 'annotation', s.cache);
  const annotation = toAnnotation(row);
  if (!canSeeAnnotation(s.principal, annotation))
    throw new MutationRejected('NOT_FOUND', 'no such annotation');
  return annotation;
}

export async function createAnnotationComment(
  s: MutationScope,
  args: MutationArgs<'annotationComment.create'>,
): Promise<void> {
  const annotation = await visibleAnnotation(s, args.annotationId);
  // 1. A reply answers a comment of the same annotation.
  if (args.parentId !== null) {
    const [parent] = await s.tx
      .select({ annotationId: annotationComments.annotationId })
      .from(annotationComments)
      .where(eq(annotationComments.id, args.parentId));
    if (parent === undefined || parent.annotationId !== annotation.id)
      throw new MutationRejected('NOT_FOUND', 'no such comment to reply to on this annotation');
  }
  // 2. Ids are the device's: a taken one is refused (a replay is a duplicate, not this).
  const [taken] = await s.tx
    .select({ id: annotationComments.id })
    .from(annotationComments)
    .where(eq(annotationComments.id, args.id));
  if (taken !== undefined) throw new MutationRejected('INVALID_ARGS', 'this comment id is taken');
  const [row] = await s.tx
    .insert(annotationComments)
    .values({
      id: args.id,
      meetingId: annotation.meetingId,
      annotationId: annotation.id,
      parentId: args.parentId,
      authorId: s.principal.userId,
      body: args.body,
      createdAt: s.now,
    })
    .returning();
  if (row === undefined) throw new Error('annotation comment insert returned nothing');
  s.change(annotationCommentUpsert(toAnnotationComment(row), annotation));
  s.audit('annotationComment.create', row.id, { annotationId: annotation.id });
}

/** The comment and its annotation, when the caller can see them (NOT_FOUND otherwise). */
async function lockComment(s: MutationScope, id: string) {
  const row = await lockAnnotationComment(s.tx, id);
  if (row === undefined) throw new MutationRejected('NOT_FOUND', 'no such comment');
  let annotation: AnnotationRecord;
  try {
    annotation = await visibleAnnotation(s, row.annotationId);
  } catch (error) {
    // Its annotation hidden or gone: the comment is as unknown as one that never existed.
    if (error instanceof MutationRejected && error.code === 'NOT_FOUND')
      throw new MutationRejected('NOT_FOUND', 'no such comment');
    throw error;
  }
  return { row, annotation };
}

export async function editAnnotationComment(
  s: MutationScope,
  args: MutationArgs<'annotationComment.edit'>,
): Promise<void> {
  const { row, annotation } = await lockComment(s, args.id);
  if (row.authorId !== s.principal.userId)
    throw new MutationRejected('NOT_AUTHOR', 'only the author edits a comment');
  if (row.deletedAt !== null) throw new MutationRejected('NOT_FOUND', 'this comment was deleted');
  const [saved] = await s.tx
    .update(annotationComments)
    .set({ body: args.body, editedAt: s.now })
    .where(eq(annotationComments.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('annotation comment update returned nothing');
  s.change(annotationCommentUpsert(toAnnotationComment(saved), annotation));
  s.audit('annotationComment.edit', row.id);
}

/** Deleting a deleted comment again (the author's second device) changes nothing. */
export async function deleteAnnotationComment(
  s: MutationScope,
  args: MutationArgs<'annotationComment.delete'>,
): Promise<void> {
  const { row, annotation } = await lockComment(s, args.id);
  if (row.authorId !== s.principal.userId)
    throw new MutationRejected('NOT_AUTHOR', 'only the author deletes a comment');
  if (row.deletedAt !== null) return;
  const [saved] = await s.tx
    .update(annotationComments)
    .set({ body: '', deletedAt: s.now })
    .where(eq(annotationComments.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('annotation comment update returned nothing');
  s.change(annotationCommentUpsert(toAnnotationComment(saved), annotation));
  s.audit('annotationComment.delete', row.id);
}
