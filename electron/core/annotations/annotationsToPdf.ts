import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFDict,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { AnnotationRecord, AnnotationShape } from '../../../shared/domain/annotation.ts';
import type { PdfRect, Point } from '../../../shared/annotations/pageGeometry.ts';

/** Side of a sticky note's icon, points. */
const NOTE_ICON_PT = 24;

export interface PdfAnnotationAuthor {
  /** Shown as the annotation's /T (title, by convention the author). */
  name: string;
}

/**
 * The paper with `annotations` written as standard PDF annotation objects (ISO 32000-1 §12.5):
 * highlight/underline → /Highlight or /Underline with /QuadPoints; sticky note → /Text; ink →
 * /Ink with /InkList. Coordinates are the stored PDF user-space ones, unchanged. Annotations on
 * pages the file does not have are left out (counted in `skipped`). The file's own annotations
 * stay. No appearance streams are written: viewers draw these standard kinds themselves.
 */
export async function annotationsToPdf(
  pdf: Uint8Array,
  annotations: readonly AnnotationRecord[],
  authorName: (authorId: string) => string | null,
): Promise<{ bytes: Uint8Array; written: number; skipped: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  let written = 0;
  for (const a of annotations) {
    const page = pages[a.pageIndex];
    if (page === undefined) continue;
    const dict = annotationDict(doc, a, authorName(a.authorId));
    addAnnot(page, doc.context.register(dict));
    written++;
  }
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, written, skipped: annotations.length - written };
}

function addAnnot(page: PDFPage, ref: PDFRef): void {
  const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (existing) existing.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

function annotationDict(doc: PDFDocument, a: AnnotationRecord, author: string | null): PDFDict {
  const common = {
    Type: 'Annot',
    Subtype: subtypeOf(a.shape),
    Rect: bounds(a.shape),
    C: rgb(a.color),
    /** Print flag: exported annotations print with the paper. */
    F: 4,
    NM: PDFHexString.fromText(a.id),
    M: PDFHexString.fromText(pdfDate(a.updatedAt)),
    Contents: PDFHexString.fromText(a.body),
    ...(author === null ? {} : { T: PDFHexString.fromText(author) }),
  };
  const shape = a.shape;
  switch (shape.kind) {
    case 'highlight':
    case 'underline':
      return doc.context.obj({ ...common, QuadPoints: shape.rects.flatMap(quadPoints) });
    case 'note':
      return doc.context.obj({ ...common, Name: 'Comment', Open: false });
    case 'ink':
      return doc.context.obj({
        ...common,
        InkList: shape.strokes.map((stroke) => stroke.flatMap((p) => [p.x, p.y])),
        BS: { Type: 'Border', W: PDFNumber.of(shape.width) },
      });
  }
}

function subtypeOf(shape: AnnotationShape): string {
  switch (shape.kind) {
    case 'highlight':
      return 'Highlight';
    case 'underline':
      return 'Underline';
    case 'note':
      return 'Text';
    case 'ink':
      return 'Ink';
  }
}

/** The quadrilateral of a rectangle in the order viewers expect: UL, UR, LL, LR. */
function quadPoints(r: PdfRect): number[] {
  const [x1, x2, y1, y2] = [r.x, r.x + r.width, r.y, r.y + r.height];
  return [x1, y2, x2, y2, x1, y1, x2, y1];
}

/** [llx lly urx ury] around the shape; a note's icon hangs below-right of its point. */
export function bounds(shape: AnnotationShape): [number, number, number, number] {
  switch (shape.kind) {
    case 'highlight':
    case 'underline':
      return around(
        shape.rects.flatMap((r) => [
          { x: r.x, y: r.y },
          { x: r.x + r.width, y: r.y + r.height },
        ]),
        0,
      );
    case 'note':
      return [
        shape.point.x,
        shape.point.y - NOTE_ICON_PT,
        shape.point.x + NOTE_ICON_PT,
        shape.point.y,
      ];
    case 'ink':
      return around(shape.strokes.flat(), shape.width / 2);
  }
}

function around(points: readonly Point[], pad: number): [number, number, number, number] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return [
    Math.min(...xs) - pad,
    Math.min(...ys) - pad,
    Math.max(...xs) + pad,
    Math.max(...ys) + pad,
  ];
}

/** `#rrggbb` → [r g b] in 0…1. */
function rgb(color: string): number[] {
  return [1, 3, 5].map(
    (i) => Math.round((parseInt(color.slice(i, i + 2), 16) / 255) * 1000) / 1000,
  );
}

/** ISO instant → PDF date string D:YYYYMMDDHHmmSSZ (UTC). */
function pdfDate(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}
