import { useEffect, useState } from 'react';
import { classifyPdfError } from '../../pdf/classifyPdfError.ts';
import type { PdfErrorKind, PdfPage } from '../../pdf/pdfTypes.ts';
import type { PageCache } from './PageCache.ts';

export type PdfPageState =
  | { kind: 'loading'; page: null }
  | { kind: 'ready'; page: PdfPage }
  | { kind: 'error'; page: null; error: PdfErrorKind };

/**
 * Page `index` of `pages` once fetched (`attempt` asks again after a failure). When the caller
 * unmounts (the page left the window) the engine is told to free the page's cached drawing
 * data, so scrolling through a long paper does not accumulate it; the engine ignores this
 * while the page is still being drawn elsewhere (e.g. its thumbnail).
 */
export function usePdfPage(pages: PageCache, index: number, attempt: number): PdfPageState {
  const [state, setState] = useState<PdfPageState>(() => {
    const page = pages.peek(index);
    return page ? { kind: 'ready', page } : { kind: 'loading', page: null };
  });

  useEffect(() => {
    let active = true;
    const known = pages.peek(index);
    if (known) {
      setState((current) => (current.page === known ? current : { kind: 'ready', page: known }));
      return undefined;
    }
    setState({ kind: 'loading', page: null });
    pages.get(index).then(
      (page) => {
        if (active) setState({ kind: 'ready', page });
      },
      (error: unknown) => {
        if (active) setState({ kind: 'error', page: null, error: classifyPdfError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [pages, index, attempt]);

  const { page } = state;
  useEffect(() => () => page?.release(), [page]);

  return state;
}
