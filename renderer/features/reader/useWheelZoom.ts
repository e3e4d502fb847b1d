import { useEffect, useRef } from 'react';
import { CSS_PX_PER_PT, sameZoom, wheelZoom, type ZoomMode } from './zoom.ts';

/** Lines and pages of a wheel event in pixels (`deltaMode` 1 and 2). */
const LINE_PX = 40;
const PAGE_PX = 800;

/**
 * Ctrl (⌘) + wheel over the pages zooms around the cursor: the point under it is pinned with
 * `anchorAt` before the zoom changes. A plain wheel still scrolls. The listener is not
 * passive, so the browser's own page zoom is prevented.
 */
export function useWheelZoom(
  scroller: HTMLElement | null,
  zoom: ZoomMode,
  scale: number,
  setZoom: (zoom: ZoomMode) => void,
  anchorAt: (viewportY: number, viewportX: number) => void,
): void {
  const current = useRef({ zoom, scale });
  useEffect(() => {
    current.current = { zoom, scale };
  }, [zoom, scale]);

  useEffect(() => {
    if (!scroller) return undefined;
    const onWheel = (event: WheelEvent): void => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? PAGE_PX : 1;
      const next = wheelZoom(current.current.scale, event.deltaY * unit);
      if (next.kind !== 'percent' || sameZoom(next, current.current.zoom)) return;
      const box = scroller.getBoundingClientRect();
      anchorAt(event.clientY - box.top, event.clientX - box.left);
      // Several wheel events may arrive before the next render: chain from the new scale.
      current.current = { zoom: next, scale: (next.value / 100) * CSS_PX_PER_PT };
      setZoom(next);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [scroller, setZoom, anchorAt]);
}
