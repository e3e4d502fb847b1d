import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfDestination } from './pdfTypes.ts';

/** Modes of an explicit destination whose arguments carry a `top` (PDF 32000 12.3.2.2). */
const TOP_ARGUMENT: Readonly<Record<string, number>> = { XYZ: 1, FitH: 0, FitBH: 0 };

function isRef(value: unknown): value is { num: number; gen: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'num' in value &&
    'gen' in value &&
    typeof value.num === 'number' &&
    typeof value.gen === 'number'
  );
}

/**
 * A named or explicit destination (pdf.js `dest`) resolved to a page of this document and the
 * y to show at the top; null for anything else (another file, a broken reference, a page out of
 * range). Never throws.
 */
export async function resolvePdfjsDestination(
  proxy: PDFDocumentProxy,
  dest: unknown,
): Promise<PdfDestination | null> {
  try {
    const explicit: unknown = typeof dest === 'string' ? await proxy.getDestination(dest) : dest;
    if (!Array.isArray(explicit)) return null;
    const [target, mode, ...args] = explicit as unknown[];
    let pageIndex: number | null = null;
    if (isRef(target)) pageIndex = await proxy.getPageIndex(target);
    else if (typeof target === 'number' && Number.isInteger(target)) pageIndex = target;
    if (pageIndex === null || pageIndex < 0 || pageIndex >= proxy.numPages) return null;
    const name =
      typeof mode === 'object' && mode !== null && 'name' in mode && typeof mode.name === 'string'
        ? mode.name
        : '';
    const at = TOP_ARGUMENT[name];
    const top = at === undefined ? null : args[at];
    return { pageIndex, top: typeof top === 'number' && Number.isFinite(top) ? top : null };
  } catch {
    return null;
  }
}
