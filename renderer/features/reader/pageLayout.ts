import type { PdfSize } from '../../pdf/pdfTypes.ts';

/** Space between pages and around them, CSS pixels. */
export const PAGE_GAP = 12;

/**
 * Where every page sits in the scrolling column at one scale: pages stacked top to bottom with
 * `PAGE_GAP` between and around them. Arrays are indexed by page (0-based); CSS pixels.
 */
export interface PageLayout {
  readonly scale: number;
  readonly tops: Float64Array;
  readonly widths: Float64Array;
  readonly heights: Float64Array;
  /** Height of the whole column, margins included. */
  readonly totalHeight: number;
  readonly maxWidth: number;
}

/** Lays out pages of `sizes` (scale 1, points) at `scale` CSS pixels per point. O(n). */
export function layoutPages(sizes: readonly PdfSize[], scale: number): PageLayout {
  const count = sizes.length;
  const tops = new Float64Array(count);
  const widths = new Float64Array(count);
  const heights = new Float64Array(count);
  let y = PAGE_GAP;
  let maxWidth = 0;
  for (let index = 0; index < count; index += 1) {
    const size = sizes[index] ?? { width: 1, height: 1 };
    const width = size.width * scale;
    const height = size.height * scale;
    tops[index] = y;
    widths[index] = width;
    heights[index] = height;
    maxWidth = Math.max(maxWidth, width);
    y += height + PAGE_GAP;
  }
  return { scale, tops, widths, heights, totalHeight: y, maxWidth };
}

/** The page at column offset `y` (a gap counts with the page above it). Binary search. */
export function pageAtOffset(layout: PageLayout, y: number): number {
  const count = layout.tops.length;
  if (count === 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((layout.tops[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** First and last page with any part inside [top, top + height). */
export function visibleRange(
  layout: PageLayout,
  top: number,
  height: number,
): { first: number; last: number } {
  return {
    first: pageAtOffset(layout, top),
    last: pageAtOffset(layout, top + Math.max(0, height - 1)),
  };
}

/**
 * The pages to keep drawn: those visible plus one neighbour either side, at most `capacity`,
 * the ones nearest the middle of the view kept first. Ascending page order.
 */
export function renderWindow(
  layout: PageLayout,
  top: number,
  height: number,
  capacity: number,
): number[] {
  const count = layout.tops.length;
  if (count === 0 || capacity <= 0) return [];
  const { first, last } = visibleRange(layout, top, height);
  const from = Math.max(0, first - 1);
  const to = Math.min(count - 1, last + 1);
  const pages: number[] = [];
  for (let index = from; index <= to; index += 1) pages.push(index);
  if (pages.length <= capacity) return pages;
  const middle = pageAtOffset(layout, top + height / 2);
  return pages
    .sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b)
    .slice(0, capacity)
    .sort((a, b) => a - b);
}

/**
 * The page the reader is on: the one showing the most of itself in the view (the first on a
 * tie); once scrolled to the very end, the last page if it is wholly visible.
 */
export function currentPageIndex(layout: PageLayout, top: number, height: number): number {
  const count = layout.tops.length;
  if (count === 0) return 0;
  const bottom = top + height;
  const lastIndex = count - 1;
  if (bottom >= layout.totalHeight - 1 && (layout.tops[lastIndex] ?? 0) >= top) return lastIndex;
  const { first, last } = visibleRange(layout, top, height);
  let best = first;
  let bestArea = -1;
  for (let index = first; index <= last; index += 1) {
    const pageTop = layout.tops[index] ?? 0;
    const shown = Math.min(bottom, pageTop + (layout.heights[index] ?? 0)) - Math.max(top, pageTop);
    if (shown > bestArea + 0.5) {
      best = index;
      bestArea = shown;
    }
  }
  return best;
}
