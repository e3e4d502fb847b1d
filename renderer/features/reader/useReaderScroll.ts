import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { currentPageIndex, pageAtOffset, renderWindow, type PageLayout } from './pageLayout.ts';
import { READER_LIMITS } from './readerLimits.ts';

/**
 * A place in the document that survives zoom and layout changes: a page, how far down it in
 * points, and where in the view (CSS pixels from the top) that point should appear; plus the
 * horizontal position as a share of the column's width.
 */
export interface ScrollAnchor {
  pageIndex: number;
  offsetPt: number;
  viewportY: number;
  xShare: number;
  viewportX: number;
}

export interface ReaderScroll {
  /** Pages to draw (ascending) and the page being read, both 0-based. */
  window: readonly number[];
  current: number;
  /** The place at the top of the view, as last measured. */
  anchor: () => ScrollAnchor;
  /** Call on every scroll event: re-measures the window, current page and anchor. */
  measure: () => void;
  /** Puts `offsetPt` of page `pageIndex` `margin` CSS pixels below the top of the view. */
  scrollToPage: (pageIndex: number, offsetPt?: number, margin?: number) => void;
  scrollBy: (dy: number) => void;
  /** Pins the point at (viewportX, viewportY) of the view for the next layout (zoom at the cursor). */
  anchorAt: (viewportY: number, viewportX: number) => void;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Scroll state of the page column. Invariants: whenever the layout changes (zoom, window size,
 * a page's real size learnt), the anchored place is put back where it was in the view, so the
 * reader never loses their line; the anchor starts at `initial` (a restored view state).
 * Scrolling only re-renders when the render window or the current page changes.
 */
export function useReaderScroll(
  scroller: HTMLElement | null,
  layout: PageLayout,
  viewportHeight: number,
  contentWidth: number,
  initial: { pageIndex: number; offsetPt: number },
  onMoved: () => void,
): ReaderScroll {
  const layoutRef = useRef(layout);
  const heightRef = useRef(viewportHeight);
  const widthRef = useRef(contentWidth);
  const movedRef = useRef(onMoved);
  const anchorRef = useRef<ScrollAnchor>({
    pageIndex: initial.pageIndex,
    offsetPt: initial.offsetPt,
    viewportY: 0,
    xShare: 0,
    viewportX: 0,
  });
  const [view, setView] = useState<{ window: readonly number[]; current: number }>({
    window: [],
    current: initial.pageIndex,
  });

  const measure = useCallback(() => {
    if (!scroller) return;
    const current = layoutRef.current;
    const top = scroller.scrollTop;
    const index = pageAtOffset(current, top);
    anchorRef.current = {
      pageIndex: index,
      offsetPt: (top - (current.tops[index] ?? 0)) / current.scale,
      viewportY: 0,
      xShare: widthRef.current > 0 ? scroller.scrollLeft / widthRef.current : 0,
      viewportX: 0,
    };
    const window = renderWindow(current, top, heightRef.current, READER_LIMITS.pageWindow);
    const page = currentPageIndex(current, top, heightRef.current);
    setView((previous) =>
      previous.current === page && sameNumbers(previous.window, window)
        ? previous
        : { window, current: page },
    );
    movedRef.current();
  }, [scroller]);

  useLayoutEffect(() => {
    movedRef.current = onMoved;
  });

  useLayoutEffect(() => {
    layoutRef.current = layout;
    heightRef.current = viewportHeight;
    widthRef.current = contentWidth;
    if (!scroller) return;
    const anchor = anchorRef.current;
    const index = Math.max(0, Math.min(layout.tops.length - 1, anchor.pageIndex));
    scroller.scrollTop = Math.max(
      0,
      (layout.tops[index] ?? 0) + anchor.offsetPt * layout.scale - anchor.viewportY,
    );
    scroller.scrollLeft = Math.max(0, anchor.xShare * contentWidth - anchor.viewportX);
    measure();
  }, [scroller, layout, viewportHeight, contentWidth, measure]);

  const scrollToPage = useCallback(
    (pageIndex: number, offsetPt = 0, margin = 0) => {
      if (!scroller) return;
      const current = layoutRef.current;
      const index = Math.max(0, Math.min(current.tops.length - 1, pageIndex));
      scroller.scrollTop = Math.max(
        0,
        (current.tops[index] ?? 0) + offsetPt * current.scale - margin,
      );
      measure();
    },
    [scroller, measure],
  );

  const scrollBy = useCallback(
    (dy: number) => {
      if (!scroller) return;
      const max = Math.max(0, layoutRef.current.totalHeight - heightRef.current);
      scroller.scrollTop = Math.min(max, Math.max(0, scroller.scrollTop + dy));
      measure();
    },
    [scroller, measure],
  );

  const anchorAt = useCallback(
    (viewportY: number, viewportX: number) => {
      if (!scroller) return;
      const current = layoutRef.current;
      const y = scroller.scrollTop + viewportY;
      const index = pageAtOffset(current, y);
      anchorRef.current = {
        pageIndex: index,
        offsetPt: (y - (current.tops[index] ?? 0)) / current.scale,
        viewportY,
        xShare: widthRef.current > 0 ? (scroller.scrollLeft + viewportX) / widthRef.current : 0,
        viewportX,
      };
    },
    [scroller],
  );

  const anchor = useCallback(() => anchorRef.current, []);
  return { ...view, anchor, measure, scrollToPage, scrollBy, anchorAt };
}
