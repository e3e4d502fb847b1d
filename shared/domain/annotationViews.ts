import { z } from 'zod';
import {
  annotationColorSchema,
  annotationRecordSchema,
  annotationShapeSchema,
  annotationVisibilitySchema,
  MAX_ANNOTATION_BODY,
} from './annotation.ts';
import { pdfRectSchema, textQuoteSchema } from '../annotations/annotationTypes.ts';
import { idSchema, sha256Schema } from './ids.ts';

/** One annotation as the reader shows it (IPC `annotations:*`). */
export const annotationViewSchema = z.strictObject({
  annotation: annotationRecordSchema,
  /** null when the author is not in this device's directory. */
  authorName: z.string().nullable(),
  /** Mine: editable here. Others' shared annotations are read-only. */
  mine: z.boolean(),
  /** A local change waits for the server. */
  pending: z.boolean(),
});
export type AnnotationView = z.infer<typeof annotationViewSchema>;

export const annotationListSchema = z.strictObject({
  documentId: idSchema,
  /** Live annotations (mine and shared ones this device received), by page then creation. */
  annotations: z.array(annotationViewSchema),
});
export type AnnotationList = z.infer<typeof annotationListSchema>;

export const annotationCreateInputSchema = z.strictObject({
  documentId: idSchema,
  /** The version the geometry was taken from (its file must be the one on this device). */
  version: z.number().int().min(1),
  pageIndex: z.number().int().min(0).max(100_000),
  visibility: annotationVisibilitySchema,
  color: annotationColorSchema,
  body: z.string().max(MAX_ANNOTATION_BODY),
  shape: annotationShapeSchema,
});

export const annotationUpdateInputSchema = z.strictObject({
  id: idSchema,
  patch: z.strictObject({
    color: annotationColorSchema.optional(),
    visibility: annotationVisibilitySchema.optional(),
    body: z.string().max(MAX_ANNOTATION_BODY).optional(),
    shape: annotationShapeSchema.optional(),
  }),
});

/** Where a text annotation of an older version lies in a newer one (anchorQuote). */
export const annotationPlacementSchema = z.discriminatedUnion('status', [
  z.strictObject({
    annotationId: idSchema,
    status: z.literal('anchored'),
    pageIndex: z.number().int().min(0),
    /** UTF-16 range of that page's text (the renderer turns it into rectangles). */
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    method: z.enum(['exact', 'normalized', 'fuzzy']),
  }),
  z.strictObject({
    annotationId: idSchema,
    /** Could not be placed: shown in a "needs attention" list with its original text. */
    status: z.literal('needs_attention'),
    exact: z.string(),
  }),
]);
export type AnnotationPlacement = z.infer<typeof annotationPlacementSchema>;

export const annotationReanchorInputSchema = z.strictObject({
  documentId: idSchema,
  /** The version whose page texts are given (buildPageText of each page, in order). */
  version: z.number().int().min(1),
  pageTexts: z.array(z.string().max(1_000_000)).max(10_000),
});

export const annotationReanchorOutputSchema = z.strictObject({
  documentId: idSchema,
  version: z.number().int().min(1),
  /** One per live highlight/underline made on another version. Notes and ink keep their place. */
  placements: z.array(annotationPlacementSchema),
});
export type AnnotationReanchorResult = z.infer<typeof annotationReanchorOutputSchema>;

export const annotationExportInputSchema = z.strictObject({
  documentId: idSchema,
  format: z.enum(['pdf', 'w3c']),
  /** `file`: the core also writes the export into the app's exports folder (desktop app) and
   * returns its path; `download` (the default): the renderer offers the bytes as a download. */
  target: z.enum(['file', 'download']).optional(),
});

export const annotationExportOutputSchema = z.strictObject({
  format: z.enum(['pdf', 'w3c']),
  mediaType: z.enum(['application/pdf', 'application/ld+json']),
  /** The version exported (the paper's current one on this device). */
  version: z.number().int().min(1),
  sha256: sha256Schema,
  base64: z.string(),
  /** My annotations on other versions, left out of the PDF (re-anchor them first). */
  skipped: z.number().int().min(0),
  /** A file name for the export (`.pdf` or `.jsonld`), no folder. */
  fileName: z.string().min(1).max(255),
  /** Where the core wrote it (target `file`); null otherwise. */
  path: z.string().nullable(),
});
export type AnnotationExport = z.infer<typeof annotationExportOutputSchema>;

/**
 * Re-anchored placements of my text annotations on `version`, made durable (annotations:place):
 * the rectangles and the quote the renderer took from that version's text for each anchored
 * placement of annotations:reanchor.
 */
export const annotationPlaceInputSchema = z.strictObject({
  documentId: idSchema,
  version: z.number().int().min(1),
  placements: z
    .array(
      z.strictObject({
        annotationId: idSchema,
        pageIndex: z.number().int().min(0).max(100_000),
        rects: z.array(pdfRectSchema).min(1).max(1_000),
        quote: textQuoteSchema,
      }),
    )
    .max(10_000),
});
export type AnnotationPlaceInput = z.infer<typeof annotationPlaceInputSchema>;

export const annotationPlaceOutputSchema = z.strictObject({
  documentId: idSchema,
  version: z.number().int().min(1),
  /** Annotations whose new placement was queued now (each once: others were skipped). */
  placed: z.array(idSchema),
});
