import { and, eq } from 'drizzle-orm';
import type { MutationArgs } from '../../../shared/sync/mutations.ts';
import { commentChangesFor, commentsOfAnnotations } from '../annotations/annotationCommentRows.ts';
import {
  annotationUpsert,
  annotationWithdrawal,
  narrows,
  toAnnotation,
  type AnnotationRow,
} from '../annotations/annotationRows.ts';
import { isStaff } from '../auth/authService.ts';
import { annotations } from '../db/annotationSchema.ts';
import { documentVersions } from '../db/schema.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { requireParticipant } from './participation.ts';

/**
 * Annotations on a paper (issue "Reader"). Participants of a meeting they may see annotate its
 * papers; an annotation belongs to its author: only the author updates or deletes it
 * (NOT_AUTHOR), and the author's last change in the server's order wins. Who receives it is
 * decided by its visibility (annotationRows.ts annotationUpsert). A delete keeps a tombstone;
 * deleting it again changes nothing.
 */

export async function createAnnotation(
  s: MutationScope,
  args: MutationArgs<'annotation.create'>,
): Promise<void> {
  await requireParticipant(s.tx, s.principal, args.meetingId);
  // 1. The version must be one of this meeting's document's versions, with that file.
  const [version] = await s.tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, args.documentId),
        eq(documentVersions.meetingId, args.meetingId),
        eq(documentVersions.version, args.version),
      ),
    );
  if (version === undefined || version.sha256 !== args.sha256)
    throw new MutationRejected('NOT_FOUND', 'no such version of this paper in the meeting');
  if (args.pageIndex >= version.pageCount)
    throw new MutationRejected('INVALID_ARGS', 'the page is beyond the end of the paper');
  // 2. Ids are the device's: a taken one is refused (a replay is a duplicate, not this).
  const [taken] = await s.tx
    .select({ id: annotations.id })
    .from(annotations)
    .where(eq(annotations.id, args.id));
  if (taken !== undefined)
    throw new MutationRejected('INVALID_ARGS', 'this annotation id is taken');
  const [row] = await s.tx
    .insert(annotations)
    .values({ ...args, authorId: s.principal.userId, createdAt: s.now, updatedAt: s.now })
    .returning();
  if (row === undefined) throw new Error('annotation insert returned nothing');
  s.change(annotationUpsert(toAnnotation(row)));
  s.audit('annotation.create', row.id, { documentId: row.documentId });
}

/**
 * The caller's own live annotation, locked. NOT_FOUND for an unknown one, a deleted one and
 * one in a meeting the caller may not see — and for someone else's that the caller could not
 * receive (a private one, or a secretariat one asked about by a member): its existence is not
 * told. Someone else's that the caller does receive → NOT_AUTHOR.
 */
async function lockOwnAnnotation(
  s: MutationScope,
  id: string,
  verb: string,
  allowDeleted = false,
): Promise<AnnotationRow> {
  const [row] = await s.tx.select().from(annotations).where(eq(annotations.id, id)).for('update');
  if (row === undefined || (row.deletedAt !== null && !allowDeleted))
    throw new MutationRejected('NOT_FOUND', 'no such annotation');
  await requireParticipant(s.tx, s.principal, row.meetingId, 'annotation');
  if (row.authorId !== s.principal.userId) {
    const couldSee =
      row.visibility === 'participants' ||
      (row.visibility === 'secretariat' && isStaff(s.principal.role));
    if (!couldSee) throw new MutationRejected('NOT_FOUND', 'no such annotation');
    throw new MutationRejected('NOT_AUTHOR', `only the author ${verb} an annotation`);
  }
  return row;
}

export async function updateAnnotation(
  s: MutationScope,
  args: MutationArgs<'annotation.update'>,
): Promise<void> {
  const row = await lockOwnAnnotation(s, args.id, 'changes');
  const before = toAnnotation(row);
  const { patch } = args;
  if (patch.shape !== undefined && patch.shape.kind !== before.shape.kind)
    throw new MutationRejected('INVALID_ARGS', 'an annotation keeps its kind');
  const [saved] = await s.tx
    .update(annotations)
    .set({ ...patch, updatedAt: s.now })
    .where(eq(annotations.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('annotation update returned nothing');
  const after = toAnnotation(saved);
  if (narrows(before.visibility, after.visibility)) s.change(annotationWithdrawal(before));
  s.change(annotationUpsert(after));
  // Its comments follow its audience (withdrawn from those who lose it).
  if (before.visibility !== after.visibility)
    s.change(...commentChangesFor(before, after, await commentsOfAnnotations(s.tx, [row.id])));
  s.audit('annotation.update', row.id, { fields: Object.keys(patch) });
}

/**
 * Writes whether the locked annotation `row` lives (`deletedAt` null) and its body, announces
 * it to its audience, and moves its comments with it: withdrawn when it goes, sent again when
 * it comes back (commentChangesFor).
 */
async function setLiveness(
  s: MutationScope,
  row: AnnotationRow,
  next: { body: string; deletedAt: Date | null },
): Promise<void> {
  const [saved] = await s.tx
    .update(annotations)
    .set({ ...next, updatedAt: s.now })
    .where(eq(annotations.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('annotation update returned nothing');
  const after = toAnnotation(saved);
  s.change(annotationUpsert(after));
  const comments = await commentsOfAnnotations(s.tx, [row.id]);
  s.change(...commentChangesFor(toAnnotation(row), after, comments));
}

export async function deleteAnnotation(
  s: MutationScope,
  args: MutationArgs<'annotation.delete'>,
): Promise<void> {
  const row = await lockOwnAnnotation(s, args.id, 'deletes', true);
  if (row.deletedAt !== null) return; // deleted again (the author's other device): no change
  // Its comments disappear with it for everyone who had them.
  await setLiveness(s, row, { body: '', deletedAt: s.now });
  s.audit('annotation.delete', row.id);
}

/**
 * The author undoes a deletion (annotation.restore): the annotation lives again under its id,
 * with the body the device kept, and its comments (those not deleted themselves) return to
 * its audience. Only the author; a live one is left as it is (restored already).
 */
export async function restoreAnnotation(
  s: MutationScope,
  args: MutationArgs<'annotation.restore'>,
): Promise<void> {
  const row = await lockOwnAnnotation(s, args.id, 'restores', true);
  if (row.deletedAt === null) return;
  await setLiveness(s, row, { body: args.body, deletedAt: null });
  s.audit('annotation.restore', row.id);
}

/**
 * The author's device carried a text annotation onto a newer version of its paper (re-anchored
 * by its quote; issue "Reader"). Only the author (lockOwnAnnotation); the version must be one of
 * the paper's, with that file, and the page inside it; the kind stays. A version not newer than
 * the annotation's changes nothing, so the move takes effect once even when two of the
 * author's devices both make it.
 */
export async function reanchorAnnotation(
  s: MutationScope,
  args: MutationArgs<'annotation.reanchor'>,
): Promise<void> {
  const row = await lockOwnAnnotation(s, args.id, 'moves');
  const before = toAnnotation(row);
  if (args.shape.kind !== before.shape.kind)
    throw new MutationRejected('INVALID_ARGS', 'an annotation keeps its kind');
  const [version] = await s.tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.documentId, row.documentId),
        eq(documentVersions.meetingId, row.meetingId),
        eq(documentVersions.version, args.version),
      ),
    );
  if (version === undefined || version.sha256 !== args.sha256)
    throw new MutationRejected('NOT_FOUND', 'no such version of this paper in the meeting');
  if (args.pageIndex >= version.pageCount)
    throw new MutationRejected('INVALID_ARGS', 'the page is beyond the end of the paper');
  if (args.version <= row.version) return; // already there (or newer): no change
  const [saved] = await s.tx
    .update(annotations)
    .set({
      version: args.version,
      sha256: args.sha256,
      pageIndex: args.pageIndex,
      shape: args.shape,
      updatedAt: s.now,
    })
    .where(eq(annotations.id, row.id))
    .returning();
  if (saved === undefined) throw new Error('annotation update returned nothing');
  s.change(annotationUpsert(toAnnotation(saved)));
  s.audit('annotation.reanchor', row.id, { from: row.version, to: args.version });
}
