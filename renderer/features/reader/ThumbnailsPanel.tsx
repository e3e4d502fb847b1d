import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasPool } from '../../pdf/CanvasPool.ts';
import type { PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfSize } from '../../pdf/pdfTypes.ts';
import type { RenderScheduler } from '../../pdf/RenderScheduler.ts';
import { boxStyle } from './cssVars.ts';
import type { PageCache } from './PageCache.ts';
import { Thumbnail } from './Thumbnail.tsx';
import { useElementSize } from './useElementSize.ts';
import { windowRange } from './windowRange.ts';

/** Thumbnail box width, CSS pixels; its height follows the first page's proportions. */
export const THUMBNAIL_WIDTH = 112;
/** Room under each thumbnail for its page number, and between rows, CSS pixels. */
const LABEL_HEIGHT = 22;
const ROW_GAP = 10;
/** Thumbnails are queued after every page of the main view. */
const THUMBNAIL_PRIORITY = 1_000;
/** Where the list has no layout (tests), CSS pixels. */
const FALLBACK = { width: THUMBNAIL_WIDTH, height: 800 };

export interface ThumbnailsPanelProps {
  pages: PageCache;
  firstSize: PdfSize;
  current: number;
  pool: CanvasPool;
  scheduler: RenderScheduler;
  pixelRatio: number;
  limits: PdfLimits;
  watermark: readonly string[];
  onSelect: (pageIndex: number) => void;
}

/**
 * Page thumbnails, windowed: rows of one height (from the first page's proportions; other
 * pages are fitted into the same box), and only the rows in view (plus two) exist, each drawn
 * small from its own canvas pool. The list follows the page being read.
 */
export function ThumbnailsPanel(props: ThumbnailsPanelProps) {
  const { t } = useTranslation();
  const { pages, firstSize, current } = props;
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useElementSize(list, FALLBACK);
  const boxHeight = Math.round(
    THUMBNAIL_WIDTH * Math.min(2, Math.max(0.3, firstSize.height / Math.max(1, firstSize.width))),
  );
  const rowHeight = boxHeight + LABEL_HEIGHT + ROW_GAP;
  const count = pages.numPages;
  const { start, end } = windowRange(scrollTop, viewport.height, rowHeight, count);

  // Keep the current page's thumbnail in view.
  useEffect(() => {
    if (!list) return;
    const top = current * rowHeight;
    if (top < list.scrollTop || top + rowHeight > list.scrollTop + viewport.height) {
      list.scrollTop = Math.max(0, top - (viewport.height - rowHeight) / 2);
      setScrollTop(list.scrollTop);
    }
  }, [list, current, rowHeight, viewport.height]);

  const onScroll = useCallback(() => {
    if (list) setScrollTop(list.scrollTop);
  }, [list]);

  const rows = [];
  for (let index = start; index < end; index += 1)
    rows.push(
      <Thumbnail
        key={index}
        pageIndex={index}
        top={index * rowHeight}
        boxWidth={THUMBNAIL_WIDTH}
        boxHeight={boxHeight}
        rowHeight={rowHeight - ROW_GAP}
        current={index === current}
        pages={pages}
        pool={props.pool}
        scheduler={props.scheduler}
        priority={THUMBNAIL_PRIORITY + Math.abs(index - current)}
        pixelRatio={props.pixelRatio}
        limits={props.limits}
        watermark={props.watermark}
        onSelect={props.onSelect}
      />,
    );

  return (
    <div
      ref={setList}
      className="reader-thumbnails"
      data-testid="reader-thumbnails"
      role="navigation"
      aria-label={t('reader.thumbnails.title')}
      onScroll={onScroll}
    >
      <div
        className="reader-thumbnails__content"
        style={boxStyle({ left: 0, top: 0, width: THUMBNAIL_WIDTH, height: count * rowHeight })}
      >
        {rows}
      </div>
    </div>
  );
}
