import { useEffect } from 'react';
import { isCancellation } from '../../pdf/classifyPdfError.ts';
import type { PdfPage } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

/**
 * Fills `host` with the page's selectable text at `scale` (the engine's text layer: positioned,
 * transparent spans) and empties it when the page leaves the window or the zoom changes. Text
 * that takes longer than `timeoutMs` is abandoned: the page stays readable, only not selectable.
 */
export function useTextLayer(
  page: PdfPage | null,
  host: HTMLElement | null,
  scale: number,
  timeoutMs: number,
): void {
  useEffect(() => {
    if (!page?.renderTextLayer || !host) return undefined;
    host.replaceChildren();
    const task = page.renderTextLayer(host, scale);
    withTimeout(task.promise, timeoutMs, () => task.cancel()).catch((error: unknown) => {
      // A cancelled or failed text layer leaves the page as an image; nothing to report.
      if (!isCancellation(error)) host.replaceChildren();
    });
    return () => {
      task.cancel();
      host.replaceChildren();
    };
  }, [page, host, scale, timeoutMs]);
}
