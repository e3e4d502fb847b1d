import { useEffect, useState } from 'react';

/** Used when the element has no layout (hidden, or a test DOM without one), CSS pixels. */
const FALLBACK_WIDTH = 800;
/** Width changes smaller than this do not re-render the pages, CSS pixels. */
const STEP = 8;

function measure(element: Element): number {
  const width = element.clientWidth;
  return width > 0 ? width : FALLBACK_WIDTH;
}

/** The inner width of `element` in CSS pixels, following resizes (ResizeObserver where present). */
export function useColumnWidth(element: Element | null): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);

  useEffect(() => {
    if (!element) return undefined;
    const update = (): void => {
      const next = measure(element);
      setWidth((current) => (Math.abs(current - next) < STEP ? current : next));
    };
    update();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  return width;
}
