import { useEffect, useState } from 'react';
import type { PdfRect } from '../../../shared/annotations/pageGeometry.ts';
import { rectsForRange } from '../../../shared/annotations/pageText.ts';
import type { DocumentTextIndex } from './DocumentTextIndex.ts';
import type { FindHit } from './findHit.ts';

export interface HitRects {
  hit: FindHit;
  rects: readonly PdfRect[];
}

/** Where the hits of one page are on it, in PDF user space (computed from its text runs). */
export function useHitRects(
  index: DocumentTextIndex,
  pageIndex: number,
  hits: readonly FindHit[] | undefined,
): readonly HitRects[] {
  const [found, setFound] = useState<readonly HitRects[]>([]);

  useEffect(() => {
    if (!hits || hits.length === 0) {
      setFound([]);
      return undefined;
    }
    let active = true;
    void index.pageText(pageIndex).then((text) => {
      if (!active) return;
      setFound(
        text ? hits.map((hit) => ({ hit, rects: rectsForRange(text, hit.start, hit.end) })) : [],
      );
    });
    return () => {
      active = false;
    };
  }, [index, pageIndex, hits]);

  return found;
}
