import { useEffect, useRef } from 'react';
import { pdfRectToViewport } from '../../../shared/annotations/pageGeometry.ts';
import { rectsForRange } from '../../../shared/annotations/pageText.ts';
import type { DocumentTextIndex } from './DocumentTextIndex.ts';
import type { FindHit } from './findHit.ts';
import type { PageCache } from './PageCache.ts';
import { pageGeometryOf } from './pageGeometryOf.ts';
import { PAGE_GAP, type PageLayout } from './pageLayout.ts';

/** A hit this far inside the view (CSS px) counts as visible. */
const MARGIN = 80;

/**
 * Brings the selected find hit into view (a third of the way down) when it changes, unless it
 * is already comfortably visible. Its place comes from the page's text runs, in PDF points.
 */
export function useScrollToHit(
  hit: FindHit | undefined,
  scroller: HTMLElement | null,
  textIndex: DocumentTextIndex,
  pages: PageCache,
  layout: PageLayout,
  viewportHeight: number,
  scrollToPage: (pageIndex: number, offsetPt: number, margin: number) => void,
): void {
  const shown = useRef('');
  const latest = useRef({ layout, viewportHeight, scrollToPage });
  useEffect(() => {
    latest.current = { layout, viewportHeight, scrollToPage };
  });

  useEffect(() => {
    if (!hit || !scroller) return;
    const key = `${hit.pageIndex}:${hit.start}:${hit.end}`;
    if (key === shown.current) return;
    shown.current = key;
    void Promise.all([textIndex.pageText(hit.pageIndex), pages.get(hit.pageIndex)]).then(
      ([text, page]) => {
        const { layout: now, viewportHeight: height, scrollToPage: go } = latest.current;
        const first = text ? rectsForRange(text, hit.start, hit.end)[0] : undefined;
        const offsetPt = first ? pdfRectToViewport(first, pageGeometryOf(page), 1).top : 0;
        const y = (now.tops[hit.pageIndex] ?? 0) + offsetPt * now.scale;
        if (y >= scroller.scrollTop + PAGE_GAP && y + MARGIN <= scroller.scrollTop + height) return;
        go(hit.pageIndex, offsetPt, height / 3);
      },
      () => {},
    );
  }, [hit, scroller, textIndex, pages]);
}
