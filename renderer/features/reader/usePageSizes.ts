import { useEffect, useState } from 'react';
import type { PdfSize } from '../../pdf/pdfTypes.ts';
import type { PageCache } from './PageCache.ts';

/** Size differences below this are not worth a new layout, points. */
const TOLERANCE = 0.5;

/**
 * Every page's size at scale 1: the first page's size until a page is fetched and its own size
 * is known (sizes are learnt lazily, so opening a 1,000-page paper costs one page, not 1,000).
 */
export function usePageSizes(pages: PageCache, firstSize: PdfSize): readonly PdfSize[] {
  const [sizes, setSizes] = useState<readonly PdfSize[]>(() =>
    Array.from({ length: pages.numPages }, () => firstSize),
  );

  useEffect(() => {
    setSizes((current) =>
      current.length === pages.numPages
        ? current
        : Array.from({ length: pages.numPages }, () => firstSize),
    );
    return pages.onSize((index, size) => {
      setSizes((current) => {
        const known = current[index];
        if (
          !known ||
          (Math.abs(known.width - size.width) < TOLERANCE &&
            Math.abs(known.height - size.height) < TOLERANCE)
        )
          return current;
        const next = current.slice();
        next[index] = size;
        return next;
      });
    });
  }, [pages, firstSize]);

  return sizes;
}
