import type { PdfDocument, PdfPage, PdfSize } from '../../pdf/pdfTypes.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';

/**
 * Pages of one open document, each fetched from the engine once (0-based indices) and shared by
 * the page view, thumbnails, find and links. A fetch is bounded by `timeoutMs`; a failed one is
 * forgotten so that a retry asks again. Tells `onSize` each page's real size (scale 1) when it
 * is first known, so the layout can replace its estimate.
 */
export class PageCache {
  readonly #document: PdfDocument;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Promise<PdfPage>>();
  readonly #loaded = new Map<number, PdfPage>();
  readonly #sizeListeners = new Set<(index: number, size: PdfSize) => void>();

  constructor(document: PdfDocument, timeoutMs: number) {
    this.#document = document;
    this.#timeoutMs = timeoutMs;
  }

  get numPages(): number {
    return this.#document.numPages;
  }

  get(index: number): Promise<PdfPage> {
    const loaded = this.#loaded.get(index);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.#pending.get(index);
    if (!pending) {
      pending = withTimeout(this.#document.getPage(index + 1), this.#timeoutMs, () => {}).then(
        (page) => {
          this.#pending.delete(index);
          this.#loaded.set(index, page);
          const size = page.size(1);
          for (const listener of this.#sizeListeners) listener(index, size);
          return page;
        },
        (error: unknown) => {
          this.#pending.delete(index);
          throw error;
        },
      );
      this.#pending.set(index, pending);
    }
    return pending;
  }

  /** The page if already fetched. */
  peek(index: number): PdfPage | undefined {
    return this.#loaded.get(index);
  }

  onSize(listener: (index: number, size: PdfSize) => void): () => void {
    this.#sizeListeners.add(listener);
    return () => this.#sizeListeners.delete(listener);
  }
}
