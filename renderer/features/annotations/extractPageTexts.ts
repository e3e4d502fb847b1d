import { buildPageText } from '../../../shared/annotations/pageText.ts';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from '../../pdf/pdfLimits.ts';
import type { PdfLoader } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

/**
 * Every page's text of a PDF (buildPageText of its runs, as the reader and re-anchoring see it),
 * for comparing two versions. Opened with the same loader and bounds as the reader: the load and
 * each page's text are limited by `limits.loadTimeoutMs`, a file beyond `limits.maxPages` is
 * refused, and the document is destroyed afterwards whatever happens. A page whose text cannot
 * be read counts as empty.
 */
export async function extractPageTexts(
  loader: PdfLoader,
  data: Uint8Array,
  limits: Pick<PdfLimits, 'loadTimeoutMs' | 'maxPages'> = DEFAULT_PDF_LIMITS,
): Promise<string[]> {
  const task = loader(data.slice());
  try {
    const document = await withTimeout(task.promise, limits.loadTimeoutMs, () => {
      void task.destroy();
    });
    if (document.numPages < 1 || document.numPages > limits.maxPages)
      throw new Error('page count out of range');
    const texts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      let text = '';
      try {
        const page = await withTimeout(document.getPage(n), limits.loadTimeoutMs, () => {});
        if (page.getTextRuns) {
          const runs = await withTimeout(page.getTextRuns(), limits.loadTimeoutMs, () => {});
          text = buildPageText(runs).text;
        }
        page.release();
      } catch {
        text = '';
      }
      texts.push(text);
    }
    return texts;
  } finally {
    void task.destroy();
  }
}
