import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { normalizeRotation } from '../../shared/annotations/pageGeometry.ts';
import type { TextRun } from '../../shared/annotations/pageText.ts';
import { resolvePdfjsDestination } from './pdfjsDestination.ts';
import type { PdfLink, PdfPage } from './pdfTypes.ts';

/** Links kept per page (a hostile page may carry thousands). */
const MAX_LINKS = 500;

type Matrix = TextRun['transform'];

function asMatrix(value: unknown): Matrix | null {
  if (!Array.isArray(value) || value.length !== 6) return null;
  const numbers = value.filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  return numbers.length === 6 ? (numbers as unknown as Matrix) : null;
}

function asRect(value: unknown): PdfLink['rect'] | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  const [x1, y1, x2, y2] = value as unknown[];
  if (![x1, y1, x2, y2].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [a, b, c, d] = [x1, y1, x2, y2] as number[];
  return {
    x: Math.min(a ?? 0, c ?? 0),
    y: Math.min(b ?? 0, d ?? 0),
    width: Math.abs((c ?? 0) - (a ?? 0)),
    height: Math.abs((d ?? 0) - (b ?? 0)),
  };
}

function field(object: object, key: string): unknown {
  return (object as Record<string, unknown>)[key];
}

/**
 * One pdf.js page behind our `PdfPage`. Only the display API is used: the text layer is
 * pdf.js's `TextLayer` (spans of text, no script), and link annotations are read as data for
 * our own inert overlay; pdf.js's AnnotationLayer (forms, JavaScript actions) is never used.
 */
export function adaptPdfjsPage(
  pdfjs: typeof Pdfjs,
  proxy: PDFDocumentProxy,
  page: PDFPageProxy,
): PdfPage {
  const [x0, y0, x1, y1] = page.view;
  return {
    geometry: {
      view: [x0 ?? 0, y0 ?? 0, x1 ?? 0, y1 ?? 0],
      rotation: normalizeRotation(page.rotate),
      userUnit: page.userUnit,
    },
    size(scale) {
      const viewport = page.getViewport({ scale });
      return { width: viewport.width, height: viewport.height };
    },
    render(canvas, scale) {
      const task = page.render({ canvas, viewport: page.getViewport({ scale }) });
      return { promise: task.promise, cancel: () => task.cancel() };
    },
    release() {
      page.cleanup();
    },
    async getTextRuns() {
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const transform = asMatrix(item.transform);
        if (!transform) continue;
        runs.push({
          str: item.str,
          transform,
          width: item.width,
          height: item.height,
          hasEOL: item.hasEOL,
        });
      }
      return runs;
    },
    renderTextLayer(container, cssScale) {
      const layer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container,
        viewport: page.getViewport({ scale: cssScale }),
      });
      return { promise: layer.render().then(() => undefined), cancel: () => layer.cancel() };
    },
    async getLinks() {
      const annotations: unknown = await page.getAnnotations({ intent: 'display' });
      if (!Array.isArray(annotations)) return [];
      const links: PdfLink[] = [];
      for (const annotation of annotations as unknown[]) {
        if (links.length >= MAX_LINKS) break;
        if (typeof annotation !== 'object' || annotation === null) continue;
        if (field(annotation, 'subtype') !== 'Link') continue;
        const rect = asRect(field(annotation, 'rect'));
        if (!rect) continue;
        const raw = field(annotation, 'unsafeUrl') ?? field(annotation, 'url');
        const dest = field(annotation, 'dest');
        links.push({
          rect,
          url: typeof raw === 'string' ? raw : null,
          destination:
            dest === undefined || dest === null ? null : await resolvePdfjsDestination(proxy, dest),
        });
      }
      return links;
    },
  };
}
