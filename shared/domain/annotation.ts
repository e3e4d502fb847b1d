import { z } from 'zod';
import { pdfRectSchema, pointSchema, textQuoteSchema } from '../annotations/annotationTypes.ts';
import { idSchema, isoInstantSchema, sha256Schema } from './ids.ts';

/**
 * A member's annotation on one version of a paper, as it syncs (entity `annotation`). The
 * geometry lives in PDF user space (shared/annotations, style.md habit 7); text markup keeps its
 * quote with context so it can be re-anchored on a later version. An annotation belongs to its
 * author: only the author edits or deletes it.
 *
 * Visibility decides who receives it:
 * - `private`: only the author (all their devices);
 * - `secretariat`: the author and the secretariat/admins;
 * - `participants`: everyone who takes part in the meeting (and staff).
 */
export const ANNOTATION_VISIBILITIES = ['private', 'secretariat', 'participants'] as const;
export const annotationVisibilitySchema = z.enum(ANNOTATION_VISIBILITIES);
export type AnnotationVisibility = z.infer<typeof annotationVisibilitySchema>;

export const ANNOTATION_KINDS = ['highlight', 'underline', 'note', 'ink'] as const;

/** Longest note text on an annotation, in characters (plain text, never interpreted). */
export const MAX_ANNOTATION_BODY = 20_000;

/** `#rrggbb`, lower case. */
export const annotationColorSchema = z.string().regex(/^#[0-9a-f]{6}$/);

/** Where the annotation sits on its page; the kind never changes after creation. */
export const annotationShapeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['highlight', 'underline']),
    /** One rectangle per line fragment, in reading order. */
    rects: z.array(pdfRectSchema).min(1).max(1_000),
    quote: textQuoteSchema,
  }),
  z.strictObject({ kind: z.literal('note'), point: pointSchema }),
  z.strictObject({
    kind: z.literal('ink'),
    strokes: z.array(z.array(pointSchema).min(1).max(10_000)).min(1).max(500),
    /** Stroke width, points. */
    width: z.number().finite().positive().max(100),
  }),
]);
export type AnnotationShape = z.infer<typeof annotationShapeSchema>;

export const annotationRecordSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  documentId: idSchema,
  /** The document version the geometry was taken from, and its file's address. */
  version: z.number().int().min(1),
  sha256: sha256Schema,
  /** 0-based. */
  pageIndex: z.number().int().min(0).max(100_000),
  authorId: idSchema,
  visibility: annotationVisibilitySchema,
  color: annotationColorSchema,
  body: z.string().max(MAX_ANNOTATION_BODY),
  shape: annotationShapeSchema,
  /** Server receive times. */
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  /** A deleted annotation stays as a tombstone (empty body) so every device drops it. */
  deletedAt: isoInstantSchema.nullable(),
});
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;
