import { z } from 'zod';
import { idSchema, isoInstantSchema, sha256Schema } from '../domain/ids.ts';

/**
 * The annotation model (style.md habit 7): geometry in PDF user space, rounded to 0.01 pt, so it
 * does not depend on zoom, rotation or screen; text markup carries the quoted text with about
 * 32 characters of context either side, so it can be re-anchored on a new version of the file.
 * Parsed with these schemas wherever it comes from outside (disk, sync, IPC).
 */

/** Every stored coordinate is a multiple of this, points. */
export const PDF_PRECISION_PT = 0.01;
/** Characters of context kept either side of a quote. */
export const QUOTE_CONTEXT_CHARS = 32;

/** A coordinate in user space, points. Bounded: no PDF page is a kilometre wide. */
const coordinateSchema = z.number().finite().min(-1_000_000).max(1_000_000);

export const pointSchema = z.strictObject({ x: coordinateSchema, y: coordinateSchema });

/** `(x, y)` is the lower-left corner (PDF user space, y up). */
export const pdfRectSchema = z.strictObject({
  x: coordinateSchema,
  y: coordinateSchema,
  width: z.number().finite().min(0).max(1_000_000),
  height: z.number().finite().min(0).max(1_000_000),
});

/** W3C TextQuoteSelector's three parts. */
export const textQuoteSchema = z.strictObject({
  exact: z.string().min(1).max(10_000),
  prefix: z.string().max(QUOTE_CONTEXT_CHARS * 2),
  suffix: z.string().max(QUOTE_CONTEXT_CHARS * 2),
});
export type TextQuote = z.infer<typeof textQuoteSchema>;

const baseShape = {
  id: idSchema,
  documentId: idSchema,
  /** The file version the geometry and quote were taken from. */
  documentSha256: sha256Schema,
  /** 0-based. */
  pageIndex: z.number().int().min(0).max(100_000),
  /** `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  /** The member's note on it (may be empty). */
  comment: z.string().max(20_000),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
};

export const textMarkupAnnotationSchema = z.strictObject({
  ...baseShape,
  kind: z.enum(['highlight', 'underline']),
  /** One rectangle per line fragment, in reading order. */
  rects: z.array(pdfRectSchema).min(1).max(1_000),
  quote: textQuoteSchema,
});

export const noteAnnotationSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('note'),
  /** Where the sticky note is pinned. */
  point: pointSchema,
});

export const inkAnnotationSchema = z.strictObject({
  ...baseShape,
  kind: z.literal('ink'),
  strokes: z.array(z.array(pointSchema).min(1).max(10_000)).min(1).max(500),
  /** Stroke width, points. */
  width: z.number().finite().positive().max(100),
});

export const annotationSchema = z.discriminatedUnion('kind', [
  textMarkupAnnotationSchema,
  noteAnnotationSchema,
  inkAnnotationSchema,
]);

export type TextMarkupAnnotation = z.infer<typeof textMarkupAnnotationSchema>;
export type NoteAnnotation = z.infer<typeof noteAnnotationSchema>;
export type InkAnnotation = z.infer<typeof inkAnnotationSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationKind = Annotation['kind'];
