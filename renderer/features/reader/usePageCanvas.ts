import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { planScaledCanvas } from '../../pdf/canvasScale.ts';
import type { CanvasPool } from '../../pdf/CanvasPool.ts';
import { classifyPdfError, isCancellation } from '../../pdf/classifyPdfError.ts';
import { drawWatermark } from '../../pdf/drawWatermark.ts';
import type { PdfErrorKind, PdfPage } from '../../pdf/pdfTypes.ts';
import type { RenderScheduler, ScheduledWork } from '../../pdf/RenderScheduler.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

export type PageRenderStatus =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'rendering' }
  | { kind: 'rendered' }
  | { kind: 'error'; error: PdfErrorKind };

export interface PageCanvasOptions {
  page: PdfPage | null;
  /** The element the canvas is put in (sized by CSS to the page box). */
  host: HTMLElement | null;
  /** CSS pixels per point. */
  scale: number;
  pixelRatio: number;
  maxCanvasPixels: number;
  renderTimeoutMs: number;
  pool: CanvasPool;
  scheduler: RenderScheduler;
  /** Lower first (see RenderScheduler). */
  priority: number;
  /** Lines drawn into the bitmap after the page; none for no watermark. */
  watermark: readonly string[];
  /** Accessible name of the canvas ("Trang 3"). */
  label: string;
  /** Bumped to draw again after an error. */
  attempt: number;
  className: string;
}

const NOTHING: ScheduledWork = { promise: Promise.resolve(), cancel: () => {} };

/**
 * Draws `page` into a canvas borrowed from `pool`, through `scheduler`, at `scale` × the
 * device pixel ratio (capped at `maxCanvasPixels`), then draws the watermark into the same
 * bitmap. A new zoom is drawn into a second canvas and swapped in when done, so the page never
 * flashes blank; when the pool has none to spare it is redrawn in place, and when the page has
 * no canvas at all it waits for one. A render longer than `renderTimeoutMs` is cancelled and
 * reported as a `timeout` error. Every canvas goes back to the pool on unmount.
 */
export function usePageCanvas(options: PageCanvasOptions): PageRenderStatus {
  const {
    page,
    host,
    scale,
    pixelRatio,
    maxCanvasPixels,
    renderTimeoutMs,
    pool,
    scheduler,
    priority,
    label,
    attempt,
    className,
  } = options;
  const shown = useRef<HTMLCanvasElement | null>(null);
  const [status, setStatus] = useState<PageRenderStatus>({ kind: 'idle' });
  // Effects depend on the text of the lines, not on the array's identity.
  const watermarkKey = options.watermark.join('\n');
  // The priority at the time of scheduling is enough, and the label is set on whichever canvas
  // is shown: neither alone redraws the page.
  const priorityRef = useRef(priority);
  const labelRef = useRef(label);
  useEffect(() => {
    priorityRef.current = priority;
    labelRef.current = label;
    shown.current?.setAttribute('aria-label', label);
  }, [priority, label, status]);

  useEffect(
    () => () => {
      if (shown.current) pool.release(shown.current);
      shown.current = null;
    },
    [pool],
  );

  useEffect(() => {
    if (!page || !host) return undefined;
    let active = true;
    let borrowed: HTMLCanvasElement | null = null;
    let handle: { cancel(): void } | null = null;
    let stopWaiting: (() => void) | null = null;
    const plan = planScaledCanvas(page.size(1), scale, pixelRatio, maxCanvasPixels);
    const lines = watermarkKey === '' ? [] : watermarkKey.split('\n');

    const schedule = (): void => {
      handle = scheduler.schedule(priorityRef.current, run);
    };
    const wait = (): void => {
      setStatus({ kind: 'waiting' });
      stopWaiting = pool.onAvailable(() => {
        stopWaiting?.();
        stopWaiting = null;
        if (active) schedule();
      });
    };
    const run = (): ScheduledWork => {
      if (!active) return NOTHING;
      const fresh = pool.acquire();
      const canvas = fresh ?? shown.current;
      if (!canvas) {
        wait();
        return NOTHING;
      }
      if (fresh) borrowed = fresh;
      setStatus({ kind: 'rendering' });
      canvas.width = plan.width;
      canvas.height = plan.height;
      const task = page.render(canvas, plan.scale);
      const promise = withTimeout(task.promise, renderTimeoutMs, () => task.cancel()).then(
        () => {
          if (!active) return;
          if (lines.length > 0) {
            const context = canvas.getContext('2d');
            if (context) drawWatermark(context, canvas.width, canvas.height, lines, plan.scale);
          }
          canvas.className = className;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', labelRef.current);
          if (canvas !== shown.current) {
            host.replaceChildren(canvas);
            if (shown.current) pool.release(shown.current);
            shown.current = canvas;
            borrowed = null;
          }
          // Committed at once, not on the scheduler's next turn: the page is on screen now.
          flushSync(() => setStatus({ kind: 'rendered' }));
        },
        (error: unknown) => {
          if (!active || isCancellation(error)) return;
          if (borrowed) pool.release(borrowed);
          borrowed = null;
          setStatus({ kind: 'error', error: classifyPdfError(error) });
        },
      );
      return { promise, cancel: () => task.cancel() };
    };

    schedule();
    return () => {
      active = false;
      handle?.cancel();
      stopWaiting?.();
      if (borrowed) pool.release(borrowed);
      borrowed = null;
    };
  }, [
    page,
    host,
    scale,
    pixelRatio,
    maxCanvasPixels,
    renderTimeoutMs,
    pool,
    scheduler,
    watermarkKey,
    attempt,
    className,
  ]);

  return status;
}
