import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { adaptPdfjsPage } from './adaptPdfjsPage.ts';
import { pdfjsDecoderUrl } from './pdfjsDecoderUrl.ts';
import { PDFJS_DOCUMENT_OPTIONS } from './pdfjsDocumentOptions.ts';
import { readPdfjsOutline } from './pdfjsOutline.ts';
import type { PdfDocument, PdfLoader } from './pdfTypes.ts';

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
 */
export const loadPdfjsDocument: PdfLoader = (data) => {
  let destroyed = false;
  let cleanup: (() => Promise<void>) | null = null;

  const promise = (async (): Promise<PdfDocument> => {
    const pdfjs = await import('pdfjs-dist');
    if (destroyed) throw new PdfLoadAbortedError('destroyed before opening');
    const port = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
    // The worker takes its log level at creation, before getDocument's `verbosity` applies.
    const worker = pdfjs.PDFWorker.create({ port, verbosity: PDFJS_DOCUMENT_OPTIONS.verbosity });
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
