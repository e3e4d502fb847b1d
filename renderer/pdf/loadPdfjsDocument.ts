import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { adaptPdfjsPage } from './adaptPdfjsPage.ts';
import { pdfjsDecoderUrl } from './pdfjsDecoderUrl.ts';
import { PDFJS_DOCUMENT_OPTIONS } from './pdfjsDocumentOptions.ts';
import { readPdfjsOutline } from './pdfjsOutline.ts';
import type { PdfDocument, PdfLoader } from './pdfTypes.ts';

/** A started pdf.js worker, not yet given a document. */
interface Engine {
  pdfjs: typeof Pdfjs;
  worker: Pdfjs.PDFWorker;
  port: Worker;
}

/**
 * At most one engine started ahead by `prepare` and not yet taken by a load. Invariant: the
 * next load takes it (and owns it from then on), so no more than one idle worker ever exists.
 */
let spare: Promise<Engine> | null = null;

async function startEngine(): Promise<Engine> {
  const pdfjs = await import('pdfjs-dist');
  // The worker script starts loading and compiling now, before any document is given to it.
  const port = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
  // The worker takes its log level at creation, before getDocument's `verbosity` applies.
  const worker = pdfjs.PDFWorker.create({ port, verbosity: PDFJS_DOCUMENT_OPTIONS.verbosity });
  return { pdfjs, worker, port };
}

function prepare(): void {
  if (spare !== null || typeof Worker === 'undefined') return;
  const starting = startEngine();
  spare = starting;
  // A failed start is not kept: the next load starts its own (and reports its own error).
  starting.catch(() => {
    if (spare === starting) spare = null;
  });
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
 */
const openPdfjsDocument = (data: Uint8Array): ReturnType<PdfLoader> => {
  let destroyed = false;
  let cleanup: (() => Promise<void>) | null = null;
  const started = spare ?? startEngine();
  spare = null;

  const promise = (async (): Promise<PdfDocument> => {
    const { pdfjs, worker, port } = await started;
    if (destroyed) {
      worker.destroy();
      port.terminate();
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
        worker.destroy();
        port.terminate();
      }
    };
    return adaptDocument(pdfjs, await task.promise);
  })();

  return {
    promise,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      await cleanup?.();
    },
  };
};

export const loadPdfjsDocument: PdfLoader = Object.assign(openPdfjsDocument, { prepare });
