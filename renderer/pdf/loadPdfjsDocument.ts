import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { adaptPdfjsPage } from './adaptPdfjsPage.ts';
import { pdfjsDecoderUrl } from './pdfjsDecoderUrl.ts';
import { PDFJS_DOCUMENT_OPTIONS } from './pdfjsDocumentOptions.ts';
import {
  startPdfjsEngine,
  stopPdfjsEngine,
  warmPdfjsEngine,
  type PdfjsEngine,
} from './pdfjsEngine.ts';
import { readPdfjsOutline } from './pdfjsOutline.ts';
import type { PdfDocument, PdfLoader } from './pdfTypes.ts';

/**
 * At most one engine started ahead by `prepare` and not yet taken by a load. Invariant: the
 * next load takes it (and owns it from then on), so no more than one idle worker ever exists;
 * it has only ever opened the built-in warm-up file, never a paper.
 */
let spare: Promise<PdfjsEngine> | null = null;

function prepare(ahead = false): void {
  if (spare !== null || typeof Worker === 'undefined') return;
  const starting = ahead
    ? startPdfjsEngine().then(async (engine) => {
        await warmPdfjsEngine(engine);
        return engine;
      })
    : startPdfjsEngine();
  spare = starting;
  // A failed start is not kept: the next load starts its own (and reports its own error).
  starting.catch(() => {
    if (spare === starting) spare = null;
  });
}

/** After a paper closes, the next one gets a warm engine (started once the teardown is done). */
function prepareNext(): void {
  setTimeout(() => prepare(true), 0);
}

/** Raised when a load is destroyed before pdf.js was even imported. */
class PdfLoadAbortedError extends Error {
  override readonly name = 'AbortException';
}

function adaptDocument(pdfjs: typeof Pdfjs, proxy: PDFDocumentProxy): PdfDocument {
  return {
    numPages: proxy.numPages,
    getPage: async (pageNumber) => adaptPdfjsPage(pdfjs, proxy, await proxy.getPage(pageNumber)),
    getOutline: () => readPdfjsOutline(proxy),
  };
}

/**
 * Opens a PDF with pdf.js in a worker of its own. The worker script is pdf.js's own build,
 * emitted by Vite as a separate file and loaded from the app's origin (CSP worker-src 'self'),
 * never from a blob or another origin; pdf.js itself is imported on first use, so the app starts
 * without it. One worker per document: `destroy()` terminates it, which is the only way to stop
 * a parse that hangs inside the worker. There is deliberately no main-thread ("fake worker")
 * fallback: if the worker cannot start, opening times out with an error instead.
 * `prepare()` (the paper screen calls it while the bytes are still on their way) starts the
 * import and the worker early; the next load takes that worker instead of starting one.
 * `prepare(true)` (the app calls it once a member is signed in, and every load calls it when
 * it is destroyed) also warms that worker up (warmPdfjsEngine), so the next paper opens on a
 * warm engine; a load that takes it mid warm-up waits for the warm-up to end.
 */
const openPdfjsDocument = (data: Uint8Array): ReturnType<PdfLoader> => {
  let destroyed = false;
  let cleanup: (() => Promise<void>) | null = null;
  const started = spare ?? startPdfjsEngine();
  spare = null;

  const promise = (async (): Promise<PdfDocument> => {
    const engine = await started;
    const { pdfjs, worker } = engine;
    if (destroyed) {
      stopPdfjsEngine(engine);
      throw new PdfLoadAbortedError('destroyed before opening');
    }
    const wasmUrl = pdfjsDecoderUrl(document.baseURI);
    const task = pdfjs.getDocument({
      ...PDFJS_DOCUMENT_OPTIONS,
      ...(wasmUrl === null ? {} : { wasmUrl }),
      data,
      worker,
    });
    cleanup = async () => {
      try {
        await task.destroy();
      } finally {
        stopPdfjsEngine(engine);
      }
    };
    return adaptDocument(pdfjs, await task.promise);
  })();

  return {
    promise,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        await cleanup?.();
      } finally {
        prepareNext();
      }
    },
  };
};

export const loadPdfjsDocument: PdfLoader = Object.assign(openPdfjsDocument, { prepare });
