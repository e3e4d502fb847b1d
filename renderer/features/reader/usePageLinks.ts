import { useEffect, useState } from 'react';
import { linkAction, type LinkAction } from '../../pdf/linkPolicy.ts';
import type { PdfLink, PdfPage } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

export interface PageLink {
  rect: PdfLink['rect'];
  action: Exclude<LinkAction, { kind: 'inert' }>;
}

/**
 * The page's links that may do something (an internal destination, or an https/mailto address
 * for the host to confirm); inert ones (javascript:, file:, http:, actions) are dropped here so
 * nothing is rendered for them.
 */
export function usePageLinks(page: PdfPage | null, timeoutMs: number): readonly PageLink[] {
  const [links, setLinks] = useState<readonly PageLink[]>([]);

  useEffect(() => {
    setLinks([]);
    if (!page?.getLinks) return undefined;
    let active = true;
    withTimeout(page.getLinks(), timeoutMs, () => {}).then(
      (found) => {
        if (!active) return;
        const usable: PageLink[] = [];
        for (const link of found) {
          const action = linkAction(link);
          if (action.kind !== 'inert') usable.push({ rect: link.rect, action });
        }
        setLinks(usable);
      },
      () => {
        // No links is a safe outcome for a page whose annotations cannot be read.
      },
    );
    return () => {
      active = false;
    };
  }, [page, timeoutMs]);

  return links;
}
