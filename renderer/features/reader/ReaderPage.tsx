import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfRectToViewport } from '../../../shared/annotations/pageGeometry.ts';
import type { CanvasPool } from '../../pdf/CanvasPool.ts';
import { PageAnnotations } from '../annotations/PageAnnotations.tsx';
import type { ReaderAnnotations } from '../annotations/readerAnnotations.ts';
import type { PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfDestination } from '../../pdf/pdfTypes.ts';
import type { RenderScheduler } from '../../pdf/RenderScheduler.ts';
import { boxStyle, type CssVars } from './cssVars.ts';
import type { DocumentTextIndex } from './DocumentTextIndex.ts';
import type { FindHit } from './findHit.ts';
import type { PageCache } from './PageCache.ts';
import { pageGeometryOf } from './pageGeometryOf.ts';
import { useHitRects } from './useHitRects.ts';
import { usePageCanvas } from './usePageCanvas.ts';
import { usePageLinks } from './usePageLinks.ts';
import { usePdfPage } from './usePdfPage.ts';
import { useTextLayer } from './useTextLayer.ts';

export interface ReaderPageProps {
  pageIndex: number;
  /** Where the page sits in the column, CSS pixels (separate numbers, so `memo` can compare). */
  top: number;
  left: number;
  width: number;
  height: number;
  /** CSS pixels per point. */
  scale: number;
  pixelRatio: number;
  limits: PdfLimits;
  pages: PageCache;
  textIndex: DocumentTextIndex;
  pool: CanvasPool;
  scheduler: RenderScheduler;
  priority: number;
  watermark: readonly string[];
  /** This page's find hits (undefined: none). */
  hits: readonly FindHit[] | undefined;
  /** The selected hit's index in the whole list; -1 for none. */
  currentHit: number;
  onNavigate: (destination: PdfDestination) => void;
  onExternalLink: ((url: string) => void) | undefined;
  annotations: ReaderAnnotations | null;
}

/**
 * One page of the column: the drawn page (a pooled canvas with the watermark in its bitmap),
 * find highlights, the selectable text layer and link targets, stacked in that order. Only pages
 * in the render window exist; the column's height comes from the layout, not from these.
 */
export const ReaderPage = memo(function ReaderPage(props: ReaderPageProps) {
  const { pageIndex, scale, limits, pages, hits, currentHit } = props;
  const { t } = useTranslation();
  const pageNumber = pageIndex + 1;
  const [attempt, setAttempt] = useState(0);
  const [canvasHost, setCanvasHost] = useState<HTMLDivElement | null>(null);
  const [textHost, setTextHost] = useState<HTMLDivElement | null>(null);
  const loaded = usePdfPage(pages, pageIndex, attempt);
  const page = loaded.page;
  const status = usePageCanvas({
    page,
    host: canvasHost,
    scale,
    pixelRatio: props.pixelRatio,
    maxCanvasPixels: limits.maxCanvasPixels,
    renderTimeoutMs: limits.renderTimeoutMs,
    pool: props.pool,
    scheduler: props.scheduler,
    priority: props.priority,
    watermark: props.watermark,
    label: t('pdf.pageLabel', { page: pageNumber }),
    attempt,
    className: 'reader-page__canvas',
  });
  // Text and links are asked of the engine once the page has been drawn (or failed to), so they
  // do not compete with the drawing of the page in view for the engine's single worker.
  const [drawn, setDrawn] = useState(false);
  if (!drawn && (status.kind === 'rendered' || status.kind === 'error')) setDrawn(true);
  useTextLayer(drawn ? page : null, textHost, scale, limits.renderTimeoutMs);
  const links = usePageLinks(drawn ? page : null, limits.renderTimeoutMs);
  const hitRects = useHitRects(props.textIndex, pageIndex, hits);
  const geometry = page ? pageGeometryOf(page) : null;
  const error =
    loaded.kind === 'error' ? loaded.error : status.kind === 'error' ? status.error : null;

  const style: CssVars = {
    ...boxStyle(props),
    // The text layer's CSS sizes its spans from this (pdf.js convention).
    '--total-scale-factor': scale * (geometry?.userUnit ?? 1),
  };

  return (
    <div
      className={`reader-page reader-page--${status.kind}`}
      style={style}
      data-testid={`pdf-page-${pageNumber}`}
      data-page-number={pageNumber}
      data-rendered={status.kind === 'rendered' ? 'true' : 'false'}
    >
      <div ref={setCanvasHost} className="reader-page__canvas-host" />
      {geometry && hitRects.length > 0 ? (
        <div className="reader-page__hits" aria-hidden="true">
          {hitRects.flatMap(({ hit, rects }) =>
            rects.map((rect, index) => (
              <div
                key={`${hit.index}:${index}`}
                className={
                  hit.index === currentHit ? 'reader-hit reader-hit--current' : 'reader-hit'
                }
                data-testid="reader-hit"
                data-current={hit.index === currentHit ? 'true' : 'false'}
                style={boxStyle(pdfRectToViewport(rect, geometry, scale))}
              />
            )),
          )}
        </div>
      ) : null}
      <div
        ref={setTextHost}
        className="textLayer reader-page__text"
        data-testid="reader-text-layer"
      />
      {geometry && props.annotations ? (
        <PageAnnotations
          pageIndex={pageIndex}
          geometry={geometry}
          scale={scale}
          textIndex={props.textIndex}
          annotations={props.annotations}
        />
      ) : null}
      {geometry && links.length > 0 ? (
        <div className="reader-page__links">
          {links.map((link, index) => (
            <button
              // Links have no identity of their own; their order on the page is stable.
              key={index}
              type="button"
              className="reader-link"
              data-testid="reader-link"
              data-kind={link.action.kind}
              style={boxStyle(pdfRectToViewport(link.rect, geometry, scale))}
              aria-label={
                link.action.kind === 'external'
                  ? t('reader.link.external', { url: link.action.url })
                  : t('reader.link.internal', { page: link.action.destination.pageIndex + 1 })
              }
              title={link.action.kind === 'external' ? link.action.url : undefined}
              onClick={() => {
                if (link.action.kind === 'internal') props.onNavigate(link.action.destination);
                else props.onExternalLink?.(link.action.url);
              }}
            />
          ))}
        </div>
      ) : null}
      {error ? (
        <div
          className="pdf-page__error"
          role="alert"
          data-testid="pdf-page-error"
          data-kind={error}
        >
          <p>{t(`pdf.pageError.${error}`, { page: pageNumber })}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('pdf.retryPage')}
          </button>
        </div>
      ) : null}
    </div>
  );
});
