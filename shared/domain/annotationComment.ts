import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from './comment.ts';
import { idSchema, isoInstantSchema } from './ids.ts';
import { rejectionSchema } from './views.ts';

/**
 * A comment on an annotation, or a reply to one (entity `annotationComment`). It is visible
 * exactly to those who can see its annotation: when the annotation's visibility narrows or it is
 * deleted, its comments are withdrawn from those who lose it. A comment belongs to its author:
 * only the author edits or deletes it; a delete keeps its place in the thread with an empty
 * body. Bodies are plain text, never interpreted.
 */
export const annotationCommentSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  annotationId: idSchema,
  /** The comment of the same annotation this one replies to; null for a top-level comment. */
  parentId: idSchema.nullable(),
  authorId: idSchema,
  body: z.string().max(MAX_COMMENT_LENGTH),
  /** Server receive time of the creating mutation. */
  createdAt: isoInstantSchema,
  editedAt: isoInstantSchema.nullable(),
  deletedAt: isoInstantSchema.nullable(),
});
export type AnnotationComment = z.infer<typeof annotationCommentSchema>;

export const annotationCommentBodySchema = z.string().trim().min(1).max(MAX_COMMENT_LENGTH);

/** One comment as the sidebar shows it (IPC `annotationComments:*`). */
export const annotationCommentViewSchema = z.strictObject({
  comment: annotationCommentSchema,
  /** 0 for a comment on the annotation, parent's depth + 1 for a reply. */
  depth: z.number().int().min(0),
  /** null when the author is not in this device's directory. */
  authorName: z.string().nullable(),
  mine: z.boolean(),
  /** A local change waits for the server (e.g. written offline). */
  pending: z.boolean(),
  /** The latest refused change to it; a refused creation stays listed until dismissed. */
  rejection: rejectionSchema.nullable(),
});
export type AnnotationCommentView = z.infer<typeof annotationCommentViewSchema>;

/** An annotation's comments in thread order (depth first, siblings oldest first). */
export const annotationCommentThreadSchema = z.strictObject({
  annotationId: idSchema,
  comments: z.array(annotationCommentViewSchema),
});
export type AnnotationCommentThread = z.infer<typeof annotationCommentThreadSchema>;
