import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyPdfError, isCancellation } from './classifyPdfError.ts';
import { planCanvas } from './canvasScale.ts';
import type { PdfLimits } from './pdfLimits.ts';
import type { PdfDocument, PdfErrorKind, PdfPage, PdfRenderTask, PdfSize } from './pdfTypes.ts';
import { useNearViewport } from './useNearViewport.ts';
import { withTimeout } from './withTimeout.ts';

type PageStatus =
  | { kind: 'idle' }
  | { kind: 'rendering' }
  | { kind: 'rendered' }
  | { kind: 'error'; error: PdfErrorKind };

export interface PdfPageViewProps {
  document: PdfDocument;
  pageNumber: number;
  /** Size at scale 1 to reserve before this page is loaded (the first page's size). */
  estimate: PdfSize;
  /** Width of the column, CSS pixels (fit-width). */
  cssWidth: number;
  pixelRatio: number;
  limits: PdfLimits;
  /** The scrolling element, for the visibility observer. */
  root: Element | null;
}

/** Sets the canvas's bitmap size; a canvas sized this way keeps its aspect ratio under CSS width:100%. */
function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): void {
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
}

/**
 * One page: a blank canvas of the right proportions until it comes near the viewport, then the
 * page drawn at fit-width. Invariants: at most one render of this page at a time; a render
 * taking longer than `limits.renderTimeoutMs` is cancelled and the page offers a retry; a page
 * that moves far away is released (small bitmap) so long documents keep a bounded memory cost.
 */
export function PdfPageView({
  document,
  pageNumber,
  estimate,
  cssWidth,
  pixelRatio,
  limits,
  root,
}: PdfPageViewProps) {
  const { t } = useTranslation();
  const wrapper = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const near = useNearViewport(wrapper, root);
  const [status, setStatus] = useState<PageStatus>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const { renderTimeoutMs, maxCanvasPixels } = limits;

  useEffect(() => {
    const element = canvas.current;
    if (!element) return undefined;
    if (!near) {
      // Far away: keep only the proportions (placeholder bitmap is one pixel per point).
      sizeCanvas(element, estimate.width, estimate.height);
      setStatus({ kind: 'idle' });
      return undefined;
    }
    let active = true;
    let task: PdfRenderTask | null = null;
    let loaded: PdfPage | null = null;
    setStatus({ kind: 'rendering' });
    const render = async (): Promise<void> => {
      const page = await withTimeout(document.getPage(pageNumber), renderTimeoutMs, () => {});
      loaded = page;
      if (!active) return;
      const plan = planCanvas(page.size(1), cssWidth, pixelRatio, maxCanvasPixels);
      sizeCanvas(element, plan.width, plan.height);
      task = page.render(element, plan.scale);
      const running = task;
      await withTimeout(running.promise, renderTimeoutMs, () => running.cancel());
    };
    render().then(
      () => {
        if (active) setStatus({ kind: 'rendered' });
      },
      (error: unknown) => {
        if (active && !isCancellation(error))
          setStatus({ kind: 'error', error: classifyPdfError(error) });
      },
    );
    return () => {
      active = false;
      task?.cancel();
      // Frees the engine's cached operator list and images; drawn again on the next render.
      loaded?.release();
    };
  }, [
    document,
    pageNumber,
    near,
    cssWidth,
    pixelRatio,
    renderTimeoutMs,
    maxCanvasPixels,
    attempt,
    estimate,
  ]);

  const rendered = status.kind === 'rendered';
  return (
    <div
      ref={wrapper}
      className={`pdf-page pdf-page--${status.kind}`}
      data-testid={`pdf-page-${pageNumber}`}
      data-page-number={pageNumber}
      data-rendered={rendered ? 'true' : 'false'}
    >
      <canvas
        ref={canvas}
        className="pdf-page__canvas"
        role="img"
        aria-label={t('pdf.pageLabel', { page: pageNumber })}
        width={Math.round(estimate.width)}
        height={Math.round(estimate.height)}
      />
      {status.kind === 'error' ? (
        <div
          className="pdf-page__error"
          role="alert"
          data-testid="pdf-page-error"
          data-kind={status.error}
        >
          <p>{t(`pdf.pageError.${status.error}`, { page: pageNumber })}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('pdf.retryPage')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
