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

/**
 * `readingPositions:get` input. Without `sha256` the answer is the position last kept for the
 * document whatever its file, with that file's hash, so the reader can ask while the paper's
 * bytes are still on their way and keep it only if the hashes match.
 */
export const readingPositionQuerySchema = z.strictObject({
  documentId: idSchema,
  sha256: sha256Schema.optional(),
});

/** `readingPositions:get` output: the position (null if none, or for another file asked). */
export const readingPositionAnswerSchema = z.strictObject({
  position: readingPositionSchema.nullable(),
  /** The file the kept position is for; null when none is kept. */
  sha256: sha256Schema.nullable(),
});
export type ReadingPositionAnswer = z.infer<typeof readingPositionAnswerSchema>;
