import { z } from 'zod';
import { idSchema, sha256Schema } from './ids.ts';

/**
 * Where a member left a paper (the reader's view state): the page at the top of the view
 * (1-based), how far down it in points of that page (the same at any zoom), and the zoom. Kept
 * by the client core per user and document for one file version (IPC `readingPositions:*`);
 * holds no text of the paper. Bounds match renderer/features/reader/zoom.ts.
 */
export const readingPositionSchema = z.strictObject({
  page: z.number().int().min(1).max(100_000),
  offsetPt: z.number().finite().min(0).max(100_000),
  zoom: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fitWidth') }),
    z.strictObject({ kind: z.literal('fitPage') }),
    /** Percent of life size. */
    z.strictObject({ kind: z.literal('percent'), value: z.number().min(50).max(400) }),
  ]),
});
export type ReadingPosition = z.infer<typeof readingPositionSchema>;

export const readingPositionKeySchema = z.strictObject({
  documentId: idSchema,
  /** The file version read: a new version starts at the top. */
  sha256: sha256Schema,
});
