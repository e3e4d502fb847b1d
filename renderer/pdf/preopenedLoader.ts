import type { PdfLoader, PdfLoadTask } from './pdfTypes.ts';

export interface PreopenedLoader {
  /** Hands the task already opening to its first call; later calls (a retry) open anew. */
  readonly loader: PdfLoader;
  /** Destroys the early task if no caller took it (the screen went away first). */
  dispose(): void;
}

/**
 * Starts opening `data` with `loader` at once — as soon as the bytes arrive, before the reader
 * that shows them has mounted — so the engine parses the file while the screen renders.
 * Invariant: the returned loader is only ever called with (a copy of) these same bytes, by the
 * reader of this one paper version, so its first call may return the early task whatever buffer
 * it is passed (that buffer is then unused: the engine has its own copy).
 */
export function preopenedLoader(loader: PdfLoader, data: Uint8Array): PreopenedLoader {
  let early: PdfLoadTask | null = loader(data.slice());
  // Its failure is the reader's to report once it takes the task; until then it is not an
  // unhandled rejection (a handler added later still sees it).
  early.promise.catch(() => undefined);
  const preopened: PdfLoader = (bytes) => {
    const task = early;
    early = null;
    return task ?? loader(bytes);
  };
  if (loader.prepare) preopened.prepare = loader.prepare;
  return {
    loader: preopened,
    dispose() {
      const task = early;
      early = null;
      void task?.destroy();
    },
  };
}
