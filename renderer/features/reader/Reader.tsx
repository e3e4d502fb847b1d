import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderAnnotations } from '../annotations/readerAnnotations.ts';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfErrorKind, PdfLoader } from '../../pdf/pdfTypes.ts';
import './reader.css';
import type { ReaderViewState } from './readerViewState.ts';
import { ReaderView } from './ReaderView.tsx';
import { useOpenDocument } from './useOpenDocument.ts';

/** Identifies the reader on screen; drawn into every page (see drawWatermark). */
export interface ReaderWatermark {
  memberName: string;
  unit: string;
  /** Already formatted for the UI language. */
  date: string;
  deviceId: string;
}

export interface ReaderProps {
  /** The whole file, already verified by the host. Not modified (the loader gets a copy). */
  data: Uint8Array;
  /** Opens documents; `loadPdfjsDocument` in the app, a fake in tests. */
  loader: PdfLoader;
  /** Accessible name of the document (the paper's title). */
  label: string;
  limits?: PdfLimits;
  /** Where to open (a state reported earlier through `onViewStateChange`); null: the top. */
  initialViewState?: ReaderViewState | null;
  /** Called (debounced, and once on leaving) when the page, offset or zoom changes. */
  onViewStateChange?: (state: ReaderViewState) => void;
  /** Called when the page being read changes (1-based), and once the page count is known. */
  onPageChange?: (page: number, pageCount: number) => void;
  /** Called once per failure to open the document. */
  onError?: (kind: PdfErrorKind) => void;
  /** False: the text can be neither selected nor copied (copy, cut and drag are refused). */
  allowCopy?: boolean;
  watermark?: ReaderWatermark | null;
  /**
   * An https or mailto link was clicked (in a page or the outline). The host confirms with the
   * member before opening it; every other kind of link is inert and never reaches the host.
   */
  onExternalLink?: (url: string) => void;
  /** Annotations and tools (renderer/features/annotations); null or absent: none. */
  annotations?: ReaderAnnotations | null;
}

/**
 * The paper reader. Host-agnostic: bytes and a loader come in through props, everything goes
 * out through callbacks; it never talks to IPC or stores. Opening is bounded by
 * `limits.loadTimeoutMs` (a hung worker is terminated) and a file that cannot be opened shows an
 * error with a retry, never a crash.
 */
export function Reader({
  data,
  loader,
  label,
  limits = DEFAULT_PDF_LIMITS,
  initialViewState = null,
  onViewStateChange,
  onPageChange,
  onError,
  allowCopy = true,
  watermark = null,
  onExternalLink,
  annotations = null,
}: ReaderProps) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const opened = useOpenDocument(data, loader, limits, attempt, onError);
  const watermarkLines = watermark
    ? [
        watermark.memberName,
        watermark.unit,
        watermark.date,
        t('reader.watermark.device', { id: watermark.deviceId }),
      ]
    : [];

  if (opened.kind === 'error')
    return (
      <div
        className="pdf-viewer pdf-viewer--error"
        role="alert"
        data-testid="pdf-error"
        data-kind={opened.error}
      >
        <p className="notice__lead">{t(`pdf.error.${opened.error}`)}</p>
        {opened.error === 'timeout' || opened.error === 'failed' ? (
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('pdf.retry')}
          </button>
        ) : null}
      </div>
    );

  if (opened.kind === 'loading')
    return (
      <div className="reader reader--loading" data-testid="reader" data-state="loading">
        <p className="muted" role="status" data-testid="pdf-page-indicator">
          {t('pdf.loading')}
        </p>
      </div>
    );

  return (
    <ReaderView
      document={opened.document}
      firstSize={opened.firstSize}
      label={label}
      limits={limits}
      initialViewState={initialViewState}
      onViewStateChange={onViewStateChange}
      onPageChange={onPageChange}
      allowCopy={allowCopy}
      watermark={watermarkLines}
      onExternalLink={onExternalLink}
      annotations={annotations}
    />
  );
}
