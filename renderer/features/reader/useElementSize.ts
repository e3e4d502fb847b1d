import { useEffect, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The inner (client) size of `element` in CSS pixels, following resizes (ResizeObserver where
 * present). Where the element has no layout (hidden, or a test DOM) `fallback` stands in.
 */
export function useElementSize(element: Element | null, fallback: ElementSize): ElementSize {
  const [size, setSize] = useState(fallback);
  const { width: fallbackWidth, height: fallbackHeight } = fallback;

  useEffect(() => {
    if (!element) return undefined;
    const update = (): void => {
      const width = element.clientWidth > 0 ? element.clientWidth : fallbackWidth;
      const height = element.clientHeight > 0 ? element.clientHeight : fallbackHeight;
      setSize((current) =>
        current.width === width && current.height === height ? current : { width, height },
      );
    };
    update();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, fallbackWidth, fallbackHeight]);

  return size;
}
