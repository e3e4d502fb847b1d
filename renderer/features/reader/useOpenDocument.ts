import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { classifyPdfError } from '../../pdf/classifyPdfError.ts';
import type { PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfDocument, PdfErrorKind, PdfLoader, PdfSize } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

export type OpenDocument =
  | { kind: 'loading' }
  | { kind: 'ready'; document: PdfDocument; firstSize: PdfSize }
  | { kind: 'error'; error: PdfErrorKind };

/**
 * Opens `data` with `loader`, bounded by `limits.loadTimeoutMs` (then the load is destroyed,
 * which terminates a hung worker); destroys the document on unmount, new data or a retry
 * (`attempt`). A file with no pages, or more than `limits.maxPages`, is refused. `onError` is
 * called once per failure.
 */
export function useOpenDocument(
  data: Uint8Array,
  loader: PdfLoader,
  limits: Pick<PdfLimits, 'loadTimeoutMs' | 'maxPages'>,
  attempt: number,
  onError?: (kind: PdfErrorKind) => void,
): OpenDocument {
  const [state, setState] = useState<OpenDocument>({ kind: 'loading' });
  const report = useRef(onError);
  useEffect(() => {
    report.current = onError;
  });
  const { loadTimeoutMs, maxPages } = limits;

  useEffect(() => {
    let active = true;
    setState({ kind: 'loading' });
    // A copy: pdf.js transfers the buffer to its worker, and a retry needs the bytes again.
    const task = loader(data.slice());
    const open = async (): Promise<{ document: PdfDocument; firstSize: PdfSize }> => {
      const document = await withTimeout(task.promise, loadTimeoutMs, () => void task.destroy());
      if (document.numPages < 1 || document.numPages > maxPages)
        throw new Error('page count out of range');
      const first = await withTimeout(
        document.getPage(1),
        loadTimeoutMs,
        () => void task.destroy(),
      );
      return { document, firstSize: first.size(1) };
    };
    open().then(
      ({ document, firstSize }) => {
        // Committed at once: the pages mount and page 1 is scheduled without waiting a turn.
        if (active) flushSync(() => setState({ kind: 'ready', document, firstSize }));
      },
      (error: unknown) => {
        if (!active) return;
        const kind = classifyPdfError(error);
        setState({ kind: 'error', error: kind });
        report.current?.(kind);
        void task.destroy();
      },
    );
    return () => {
      active = false;
      void task.destroy();
    };
  }, [data, loader, loadTimeoutMs, maxPages, attempt]);

  return state;
}
