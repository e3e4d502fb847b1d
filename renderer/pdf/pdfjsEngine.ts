import type * as Pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { PDFJS_DOCUMENT_OPTIONS } from './pdfjsDocumentOptions.ts';
import { warmupPdf } from './warmupPdf.ts';

/** A started pdf.js worker, not yet given a paper. */
export interface PdfjsEngine {
  pdfjs: typeof Pdfjs;
  worker: Pdfjs.PDFWorker;
  port: Worker;
}

/**
 * Imports pdf.js (once per page; later calls reuse the module) and starts a worker of its own.
 * The worker script is pdf.js's own build, emitted by Vite as a separate file and loaded from
 * the app's origin (CSP worker-src 'self'), never from a blob or another origin.
 */
export async function startPdfjsEngine(): Promise<PdfjsEngine> {
  const pdfjs = await import('pdfjs-dist');
  // The worker script starts loading and compiling now, before any document is given to it.
  const port = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
  // The worker takes its log level at creation, before getDocument's `verbosity` applies.
  const worker = pdfjs.PDFWorker.create({ port, verbosity: PDFJS_DOCUMENT_OPTIONS.verbosity });
  return { pdfjs, worker, port };
}

/**
 * Runs the engine's worker once over a file made here (warmupPdf): opens it, and on its first
 * and last page builds the drawing instructions, the text and the links, then closes it. A
 * fresh worker runs its parser as cold bytecode, which for a long paper costs more than the
 * parse itself; afterwards the paper given to this worker opens about twice as fast (measured:
 * `npm run bench -- reader`). Nothing is drawn and nothing is fetched. The worker stays up (a
 * worker passed to getDocument outlives the document) and has only ever seen this trusted
 * file, so one worker still holds at most one member's paper. Never rejects: a failed warm-up
 * leaves an engine that is merely cold.
 */
export async function warmPdfjsEngine({ pdfjs, worker }: PdfjsEngine): Promise<void> {
  const task = pdfjs.getDocument({ ...PDFJS_DOCUMENT_OPTIONS, data: warmupPdf(), worker });
  try {
    const document = await task.promise;
    for (const pageNumber of new Set([1, document.numPages])) {
      const page = await document.getPage(pageNumber);
      await Promise.all([page.getOperatorList(), page.getTextContent(), page.getAnnotations()]);
    }
  } catch {
    // Cold is still correct; the paper's own load reports any real fault of the worker.
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Ends the engine's worker (the only way to stop a parse that hangs inside it). */
export function stopPdfjsEngine({ worker, port }: PdfjsEngine): void {
  worker.destroy();
  port.terminate();
}
