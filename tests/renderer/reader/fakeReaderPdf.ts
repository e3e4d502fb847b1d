import type { PageGeometry } from '../../../shared/annotations/pageGeometry.ts';
import type { TextRun } from '../../../shared/annotations/pageText.ts';
import type {
  PdfDocument,
  PdfLink,
  PdfLoader,
  PdfOutlineNode,
  PdfPage,
  PdfRenderTask,
  PdfSize,
} from '../../../renderer/pdf/pdfTypes.ts';

export interface FakeReaderPdfOptions {
  numPages?: number;
  /** Page size at scale 1 (points) by 0-based index; A4 portrait otherwise. */
  sizeOf?: (index: number) => PdfSize;
  rotationOf?: (index: number) => PageGeometry['rotation'];
  /** Lines of text on a page (0-based); none otherwise. */
  linesOf?: (index: number) => readonly string[];
  linksOf?: (index: number) => PdfLink[];
  outline?: PdfOutlineNode[];
  hang?: boolean;
  failWith?: unknown;
  /** Pages (1-based) whose render never settles until cancelled. */
  hangingPages?: number[];
}

export interface RenderRecord {
  page: number;
  width: number;
  height: number;
  scale: number;
  canvas: HTMLCanvasElement;
}

export interface FakeReaderPdf {
  loader: PdfLoader;
  readonly loads: Uint8Array[];
  readonly destroyed: { count: number };
  readonly renders: RenderRecord[];
  readonly cancelled: number[];
  /** Pages (1-based) fetched with getPage, in order. */
  readonly fetched: number[];
  readonly textLayers: number[];
}

export const A4: PdfSize = { width: 595, height: 842 };
/** Line spacing of the fake text runs, points; runs are 6 pt per character, 12 pt high. */
export const LINE_STEP = 16;
export const CHAR_WIDTH = 6;

/** The text runs the fake gives for `lines`: one run per line from the top-left margin. */
export function runsFor(lines: readonly string[], size: PdfSize = A4): TextRun[] {
  return lines.map((str, index) => ({
    str,
    transform: [12, 0, 0, 12, 72, size.height - 72 - index * LINE_STEP],
    width: str.length * CHAR_WIDTH,
    height: 12,
    hasEOL: true,
  }));
}

/**
 * A PDF engine stand-in with every reader capability (geometry, text runs, a text layer of
 * spans, links, outline). jsdom has no canvas drawing and no worker; renders are recorded.
 */
export function createFakeReaderPdf(options: FakeReaderPdfOptions = {}): FakeReaderPdf {
  const sizeOf = options.sizeOf ?? (() => A4);
  const fake: FakeReaderPdf = {
    loads: [],
    destroyed: { count: 0 },
    renders: [],
    cancelled: [],
    fetched: [],
    textLayers: [],
    loader: (data) => {
      fake.loads.push(data);
      const promise = new Promise<PdfDocument>((resolve, reject) => {
        if (options.hang) return;
        if (options.failWith !== undefined) {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- pdf.js rejects with plain { name, message } objects
          reject(options.failWith);
          return;
        }
        resolve(document);
      });
      return {
        promise,
        destroy: () => {
          fake.destroyed.count += 1;
          return Promise.resolve();
        },
      };
    },
  };

  function page(pageNumber: number): PdfPage {
    const index = pageNumber - 1;
    const base = sizeOf(index);
    const rotation = options.rotationOf?.(index) ?? 0;
    const upright = rotation % 180 === 0;
    const lines = options.linesOf?.(index) ?? [];
    return {
      geometry: { view: [0, 0, base.width, base.height], rotation },
      size: (scale) =>
        upright
          ? { width: base.width * scale, height: base.height * scale }
          : { width: base.height * scale, height: base.width * scale },
      render(canvas, scale): PdfRenderTask {
        let rejectTask: (error: unknown) => void = () => {};
        const promise = new Promise<void>((resolve, reject) => {
          rejectTask = reject;
          if (options.hangingPages?.includes(pageNumber)) return;
          fake.renders.push({
            page: pageNumber,
            width: canvas.width,
            height: canvas.height,
            scale,
            canvas,
          });
          resolve();
        });
        return {
          promise,
          cancel: () => {
            fake.cancelled.push(pageNumber);
            rejectTask({ name: 'RenderingCancelledException' });
          },
        };
      },
      release: () => {},
      getTextRuns: () => Promise.resolve(runsFor(lines, base)),
      renderTextLayer(container) {
        fake.textLayers.push(pageNumber);
        for (const line of lines) {
          const span = container.ownerDocument.createElement('span');
          span.textContent = line;
          container.append(span);
        }
        return { promise: Promise.resolve(), cancel: () => {} };
      },
      getLinks: () => Promise.resolve(options.linksOf?.(index) ?? []),
    };
  }

  const document: PdfDocument = {
    numPages: options.numPages ?? 5,
    getPage: (pageNumber) => {
      fake.fetched.push(pageNumber);
      return Promise.resolve(page(pageNumber));
    },
    getOutline: () => Promise.resolve(options.outline ?? []),
  };
  return fake;
}
