import { memo } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasPool } from '../../pdf/CanvasPool.ts';
import type { PdfLimits } from '../../pdf/pdfLimits.ts';
import type { RenderScheduler } from '../../pdf/RenderScheduler.ts';
import { boxStyle } from './cssVars.ts';
import type { PageCache } from './PageCache.ts';
import { usePageCanvas } from './usePageCanvas.ts';
import { usePdfPage } from './usePdfPage.ts';

export interface ThumbnailProps {
  pageIndex: number;
  top: number;
  /** Box the page is fitted into, CSS pixels. */
  boxWidth: number;
  boxHeight: number;
  rowHeight: number;
  current: boolean;
  pages: PageCache;
  pool: CanvasPool;
  scheduler: RenderScheduler;
  priority: number;
  pixelRatio: number;
  limits: PdfLimits;
  watermark: readonly string[];
  onSelect: (pageIndex: number) => void;
}

/** Thumbnails are drawn at most at this device pixel ratio: they are small and many. */
const MAX_THUMBNAIL_RATIO = 2;

/** One row of the thumbnails list: the page drawn small (pooled canvas) and its number. */
export const Thumbnail = memo(function Thumbnail(props: ThumbnailProps) {
  const { t } = useTranslation();
  const { pageIndex, pages, boxWidth, boxHeight } = props;
  const [host, setHost] = useState<HTMLSpanElement | null>(null);
  const loaded = usePdfPage(pages, pageIndex, 0);
  const size = loaded.page?.size(1) ?? null;
  const scale = size ? Math.min(boxWidth / size.width, boxHeight / size.height) : 1;
  const status = usePageCanvas({
    page: loaded.page,
    host,
    scale,
    pixelRatio: Math.min(props.pixelRatio, MAX_THUMBNAIL_RATIO),
    maxCanvasPixels: props.limits.maxCanvasPixels,
    renderTimeoutMs: props.limits.renderTimeoutMs,
    pool: props.pool,
    scheduler: props.scheduler,
    priority: props.priority,
    watermark: props.watermark,
    label: t('pdf.pageLabel', { page: pageIndex + 1 }),
    attempt: 0,
    className: 'reader-thumbnail__canvas',
  });
  const width = size ? size.width * scale : boxWidth;
  const height = size ? size.height * scale : boxHeight;
  return (
    <button
      type="button"
      className={props.current ? 'reader-thumbnail reader-thumbnail--current' : 'reader-thumbnail'}
      style={boxStyle({ left: 0, top: props.top, width: boxWidth, height: props.rowHeight })}
      data-testid="reader-thumbnail"
      data-page-number={pageIndex + 1}
      data-rendered={status.kind === 'rendered' ? 'true' : 'false'}
      aria-current={props.current ? 'page' : undefined}
      aria-label={t('reader.thumbnails.goTo', { page: pageIndex + 1 })}
      onClick={() => props.onSelect(pageIndex)}
    >
      <span
        className="reader-thumbnail__frame"
        style={boxStyle({ left: 0, top: 0, width: boxWidth, height: boxHeight })}
      >
        <span
          ref={setHost}
          className="reader-thumbnail__page"
          style={boxStyle({
            left: (boxWidth - width) / 2,
            top: (boxHeight - height) / 2,
            width,
            height,
          })}
        />
      </span>
      <span className="reader-thumbnail__number" aria-hidden="true">
        {pageIndex + 1}
      </span>
    </button>
  );
});
