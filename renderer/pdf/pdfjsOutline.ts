import type { PDFDocumentProxy } from 'pdfjs-dist';
import { resolvePdfjsDestination } from './pdfjsDestination.ts';
import type { PdfOutlineNode } from './pdfTypes.ts';

/** Bounds on a hostile outline: entries kept, nesting followed, characters per title. */
const MAX_NODES = 5_000;
const MAX_DEPTH = 16;
const MAX_TITLE = 300;

type PdfjsOutline = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>;

/** Control characters a title may carry (line breaks, NUL…), shown as spaces. */
const CONTROL = /\p{Cc}+/gu;

/**
 * The document's outline with every destination resolved to a page, bounded in size and depth
 * (entries beyond the bounds are dropped). Titles are plain text; React shows them as text.
 */
export async function readPdfjsOutline(proxy: PDFDocumentProxy): Promise<PdfOutlineNode[]> {
  const outline = (await proxy.getOutline()) as PdfjsOutline | null;
  let budget = MAX_NODES;
  const convert = async (items: PdfjsOutline, depth: number): Promise<PdfOutlineNode[]> => {
    const nodes: PdfOutlineNode[] = [];
    for (const item of items) {
      if (budget <= 0) break;
      budget -= 1;
      const children =
        depth < MAX_DEPTH && Array.isArray(item.items)
          ? await convert(item.items as PdfjsOutline, depth + 1)
          : [];
      nodes.push({
        title: String(item.title).replace(CONTROL, ' ').trim().slice(0, MAX_TITLE),
        destination: item.dest === null ? null : await resolvePdfjsDestination(proxy, item.dest),
        url: item.unsafeUrl ?? item.url ?? null,
        collapsed: typeof item.count === 'number' && item.count < 0,
        children,
      });
    }
    return nodes;
  };
  return outline ? convert(outline, 0) : [];
}
