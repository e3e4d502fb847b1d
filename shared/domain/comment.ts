import { z } from 'zod';
import { idSchema, isoInstantSchema } from './ids.ts';

/** Longest comment body, in characters. Bodies are plain text; markup is never interpreted. */
export const MAX_COMMENT_LENGTH = 10_000;

export const commentSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  agendaItemId: idSchema,
  /** The comment this one replies to (threads are one level deep or more; any depth). */
  parentId: idSchema.nullable(),
  authorId: idSchema,
  body: z.string().max(MAX_COMMENT_LENGTH),
  /** Server receive time of the creating mutation. */
  createdAt: isoInstantSchema,
  editedAt: isoInstantSchema.nullable(),
  /** A deleted comment keeps its place in the thread with an empty body. */
  deletedAt: isoInstantSchema.nullable(),
});
export type Comment = z.infer<typeof commentSchema>;
