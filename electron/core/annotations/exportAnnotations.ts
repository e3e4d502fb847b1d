import { PDFDocument } from 'pdf-lib';
import type { Annotation } from '../../../shared/annotations/annotationTypes.ts';
import { toWebAnnotation } from '../../../shared/annotations/toWebAnnotation.ts';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationExport } from '../../../shared/domain/annotationViews.ts';
import { annotationsToPdf } from './annotationsToPdf.ts';

export interface ExportSource {
  /** The paper's current version on this device (documents:read). */
  paper: { sha256: string; version: number; base64: string };
  /** My live annotations of the paper, any version. */
  mine: readonly AnnotationRecord[];
  authorName: (userId: string) => string | null;
}

/**
 * `annotations:export`: my annotations on the version being read, as standard PDF annotations
 * in a copy of the paper, or as W3C Web Annotation JSON-LD (an AnnotationCollection-like
 * array). Annotations on other versions are not written (`skipped`): re-anchor them first.
 */
export async function exportAnnotations(
  source: ExportSource,
  format: 'pdf' | 'w3c',
): Promise<AnnotationExport> {
  const { paper } = source;
  const onThis = source.mine.filter(
    (a) => a.version === paper.version && a.sha256 === paper.sha256,
  );
  // e.g. annotations-v3-1a2b3c4d.pdf: the version and the start of the file's hash.
  const stem = `annotations-v${paper.version}-${paper.sha256.slice(0, 8)}`;
  const base = { version: paper.version, sha256: paper.sha256, path: null };
  const bytes = Buffer.from(paper.base64, 'base64');
  if (format === 'pdf') {
    const out = await annotationsToPdf(bytes, onThis, source.authorName);
    return {
      ...base,
      format,
      mediaType: 'application/pdf',
      fileName: `${stem}.pdf`,
      base64: Buffer.from(out.bytes).toString('base64'),
      skipped: source.mine.length - out.written,
    };
  }
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  const items = onThis.flatMap((a) => {
    const page = pages[a.pageIndex];
    if (page === undefined) return [];
    const box = page.getCropBox();
    const name = source.authorName(a.authorId);
    return [
      toWebAnnotation(toModel(a), {
        source: `urn:sha256:${a.sha256}`,
        pageView: [box.x, box.y, box.x + box.width, box.y + box.height],
        ...(name === null ? {} : { creator: { id: `urn:uuid:${a.authorId}`, name } }),
      }),
    ];
  });
  return {
    ...base,
    format,
    mediaType: 'application/ld+json',
    fileName: `${stem}.jsonld`,
    base64: Buffer.from(JSON.stringify(items), 'utf8').toString('base64'),
    skipped: source.mine.length - items.length,
  };
}

/** The synced record as the shared annotation model. */
function toModel(a: AnnotationRecord): Annotation {
  const base = {
    id: a.id,
    documentId: a.documentId,
    documentSha256: a.sha256,
    pageIndex: a.pageIndex,
    color: a.color,
    comment: a.body,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
  const s = a.shape;
  switch (s.kind) {
    case 'highlight':
    case 'underline':
      return { ...base, kind: s.kind, rects: s.rects, quote: s.quote };
    case 'note':
      return { ...base, kind: 'note', point: s.point };
    case 'ink':
      return { ...base, kind: 'ink', strokes: s.strokes, width: s.width };
  }
}
