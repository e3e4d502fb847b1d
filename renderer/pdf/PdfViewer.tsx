import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyPdfError } from './classifyPdfError.ts';
import { currentPage } from './currentPage.ts';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdfLimits.ts';
import { PdfPageView } from './PdfPageView.tsx';
import type { PdfDocument, PdfErrorKind, PdfLoader, PdfSize } from './pdfTypes.ts';
import { useColumnWidth } from './useColumnWidth.ts';
import { withTimeout } from './withTimeout.ts';

export interface PdfViewerProps {
  /** The whole file, already verified by the host. Not modified (the loader gets a copy). */
  data: Uint8Array;
  /** Opens documents; `loadPdfjsDocument` in the app, a fake in tests. */
  loader: PdfLoader;
  /** Accessible name of the document (the paper's title). */
  label: string;
  limits?: PdfLimits;
  /** Called once per failure to open the document. */
  onError?: (kind: PdfErrorKind) => void;
  /** Called when the page the reader is on changes (1-based), and once the page count is known. */
  onPageChange?: (page: number, pageCount: number) => void;
}

type DocumentState =
  | { kind: 'loading' }
  | { kind: 'ready'; document: PdfDocument; estimate: PdfSize }
  | { kind: 'error'; error: PdfErrorKind };

/**
 * A simple PDF viewer: every page at fit-width in one scrolling column, drawn lazily near the
 * viewport, with a page indicator. Host-agnostic: it gets bytes and a loader through props and
 * reports through callbacks; it never talks to IPC or stores. Invariants: opening is bounded by
 * `limits.loadTimeoutMs` (then the load is destroyed, which terminates a hung worker), the
 * document is destroyed on unmount or new data, and a broken file shows an error, never a crash.
 */
export function PdfViewer({
  data,
  loader,
  label,
  limits = DEFAULT_PDF_LIMITS,
  onError,
  onPageChange,
}: PdfViewerProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<DocumentState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  // A zero-height element laid out exactly like a page: its width is the fit-width target.
  const [ruler, setRuler] = useState<HTMLDivElement | null>(null);
  const [page, setPage] = useState(1);
  const pageRef = useRef(1);
  const cssWidth = useColumnWidth(ruler);
  const pixelRatio =
    typeof window.devicePixelRatio === 'number' && window.devicePixelRatio > 0
      ? window.devicePixelRatio
      : 1;
  // Effects depend on the limits' values, not the object: an inline `limits={{…}}` is fine.
  const { loadTimeoutMs, maxPages } = limits;
  const callbacks = useRef({ onError, onPageChange });
  useEffect(() => {
    callbacks.current = { onError, onPageChange };
  });

  useEffect(() => {
    let active = true;
    setState({ kind: 'loading' });
    setPage(1);
    pageRef.current = 1;
    // A copy: pdf.js transfers the buffer to its worker, and a retry needs the bytes again.
    const task = loader(data.slice());
    const open = async (): Promise<{ document: PdfDocument; estimate: PdfSize }> => {
      const document = await withTimeout(task.promise, loadTimeoutMs, () => void task.destroy());
      if (document.numPages < 1 || document.numPages > maxPages)
        throw new Error('page count out of range');
      const first = await withTimeout(
        document.getPage(1),
        loadTimeoutMs,
        () => void task.destroy(),
      );
      return { document, estimate: first.size(1) };
    };
    open().then(
      ({ document, estimate }) => {
        if (!active) return;
        setState({ kind: 'ready', document, estimate });
        callbacks.current.onPageChange?.(1, document.numPages);
      },
      (error: unknown) => {
        if (!active) return;
        const kind = classifyPdfError(error);
        setState({ kind: 'error', error: kind });
        callbacks.current.onError?.(kind);
        void task.destroy();
      },
    );
    return () => {
      active = false;
      void task.destroy();
    };
  }, [data, loader, loadTimeoutMs, maxPages, attempt]);

  const numPages = state.kind === 'ready' ? state.document.numPages : 0;
  const onScroll = useCallback(() => {
    if (!scroller || numPages === 0) return;
    const next = currentPage(
      scroller,
      Array.from(scroller.querySelectorAll<HTMLElement>('[data-page-number]')),
    );
    if (next === pageRef.current) return;
    pageRef.current = next;
    setPage(next);
    callbacks.current.onPageChange?.(next, numPages);
  }, [scroller, numPages]);

  const pageNumbers = useMemo(
    () => Array.from({ length: numPages }, (_, index) => index + 1),
    [numPages],
  );

  if (state.kind === 'error') {
    return (
      <div
        className="pdf-viewer pdf-viewer--error"
        role="alert"
        data-testid="pdf-error"
        data-kind={state.error}
      >
        <p className="notice__lead">{t(`pdf.error.${state.error}`)}</p>
        {state.error === 'timeout' || state.error === 'failed' ? (
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('pdf.retry')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="pdf-viewer" data-testid="pdf-viewer" data-state={state.kind}>
      <div className="pdf-viewer__toolbar">
        <span className="pdf-viewer__indicator" aria-live="polite" data-testid="pdf-page-indicator">
          {state.kind === 'ready'
            ? t('pdf.pageIndicator', { page, total: numPages })
            : t('pdf.loading')}
        </span>
      </div>
      <div
        ref={setScroller}
        className="pdf-viewer__pages"
        role="region"
        aria-label={label}
        // Focusable so keyboard users can scroll the pages with arrows and Page Up/Down.
        tabIndex={0}
        onScroll={onScroll}
      >
        <div ref={setRuler} className="pdf-page pdf-viewer__ruler" aria-hidden="true" />
        {state.kind === 'ready'
          ? pageNumbers.map((pageNumber) => (
              <PdfPageView
                key={pageNumber}
                document={state.document}
                pageNumber={pageNumber}
                estimate={state.estimate}
                cssWidth={cssWidth}
                pixelRatio={pixelRatio}
                limits={limits}
                root={scroller}
              />
            ))
          : null}
      </div>
    </div>
  );
}
