// The warm-up step against real pdf.js (legacy build; its worker runs in-process here): it uses
// the engine's worker without ending it, and a failing engine is left cold, not rejected.
import type * as Pdfjs from 'pdfjs-dist';
import { describe, expect, it, vi } from 'vitest';
import { warmPdfjsEngine, type PdfjsEngine } from '../../../renderer/pdf/pdfjsEngine.ts';
import { PDFJS_DOCUMENT_OPTIONS } from '../../../renderer/pdf/pdfjsDocumentOptions.ts';
import { warmupPdf } from '../../../renderer/pdf/warmupPdf.ts';

/** pdf.js with `getDocument` observed (a module namespace cannot be spied on directly). */
async function realEngine() {
  const module = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const getDocument = vi.fn(module.getDocument);
  const pdfjs = { ...module, getDocument } as typeof Pdfjs;
  const worker = new pdfjs.PDFWorker({ verbosity: 0 });
  const engine: PdfjsEngine = { pdfjs, worker, port: {} as Worker };
  return { engine, getDocument };
}

describe('warmPdfjsEngine', () => {
  it('opens the warm-up file on the engine worker and leaves that worker up for the paper', async () => {
    const { engine, getDocument } = await realEngine();
    try {
      await warmPdfjsEngine(engine);
      expect(getDocument).toHaveBeenCalledTimes(1);
      const params = getDocument.mock.calls[0]?.[0] as { worker?: unknown; data?: Uint8Array };
      expect(params.worker).toBe(engine.worker);
      expect(params.data).toEqual(warmupPdf());
      expect(engine.worker.destroyed).toBe(false);
      // The same worker then opens a paper.
      const task = engine.pdfjs.getDocument({
        ...PDFJS_DOCUMENT_OPTIONS,
        data: warmupPdf(2),
        worker: engine.worker,
      });
      expect((await task.promise).numPages).toBe(2);
      await task.destroy();
    } finally {
      engine.worker.destroy();
    }
  });

  it('resolves, leaving the engine cold, when the warm-up file cannot be opened', async () => {
    const destroy = vi.fn(() => Promise.resolve());
    const engine = {
      pdfjs: {
        getDocument: () => ({ promise: Promise.reject(new Error('worker gone')), destroy }),
      },
      worker: {},
      port: {},
    } as unknown as PdfjsEngine;
    await expect(warmPdfjsEngine(engine)).resolves.toBeUndefined();
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});
