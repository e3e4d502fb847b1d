import { findInNormalized, type TextRange } from '../../../shared/annotations/findText.ts';
import { buildPageText, type PageText } from '../../../shared/annotations/pageText.ts';
import {
  normalizeQuery,
  normalizeText,
  type NormalizeOptions,
} from '../../../shared/annotations/textNormalize.ts';
import { withTimeout } from '../../pdf/withTimeout.ts';
import type { PageCache } from './PageCache.ts';

/** Pages whose runs (for highlight rectangles) are kept; their text alone is kept for all. */
const RUN_CACHE_PAGES = 24;

/**
 * The text of a document's pages for find, extracted lazily and once per page. Memory is
 * bounded per page by its text: the runs (positions) are kept only for the most recent pages,
 * and the normalised text only for the current find options.
 */
export class DocumentTextIndex {
  readonly #pages: PageCache;
  readonly #timeoutMs: number;
  readonly #texts = new Map<number, string | null>();
  readonly #runs = new Map<number, PageText>();
  #foldedKey = '';
  readonly #folded = new Map<number, string>();

  constructor(pages: PageCache, timeoutMs: number) {
    this.#pages = pages;
    this.#timeoutMs = timeoutMs;
  }

  /** The page's text with its runs; null when the engine gives no text for it. */
  async pageText(index: number): Promise<PageText | null> {
    const cached = this.#runs.get(index);
    if (cached) {
      // Most recently used last.
      this.#runs.delete(index);
      this.#runs.set(index, cached);
      return cached;
    }
    let page;
    try {
      page = await this.#pages.get(index);
    } catch {
      return null;
    }
    if (!page.getTextRuns) return null;
    let runs;
    try {
      runs = await withTimeout(page.getTextRuns(), this.#timeoutMs, () => {});
    } catch {
      this.#texts.set(index, null);
      return null;
    }
    const text = buildPageText(runs);
    this.#texts.set(index, text.text);
    this.#runs.set(index, text);
    while (this.#runs.size > RUN_CACHE_PAGES) {
      const oldest = this.#runs.keys().next().value;
      if (oldest === undefined) break;
      this.#runs.delete(oldest);
    }
    return text;
  }

  /** The page's text alone; null when there is none. */
  async text(index: number): Promise<string | null> {
    if (this.#texts.has(index)) return this.#texts.get(index) ?? null;
    return (await this.pageText(index))?.text ?? null;
  }

  /** Occurrences of `query` on page `index` (ranges of its text) under `options`. */
  async find(
    index: number,
    query: string,
    options: NormalizeOptions,
    limit?: number,
  ): Promise<TextRange[]> {
    const text = await this.text(index);
    const needle = normalizeQuery(query, options);
    if (text === null || needle === '') return [];
    const key = JSON.stringify([options.ignoreDiacritics ?? false, options.caseSensitive ?? false]);
    if (key !== this.#foldedKey) {
      this.#foldedKey = key;
      this.#folded.clear();
    }
    let folded = this.#folded.get(index);
    if (folded === undefined) {
      folded = normalizeText(text, options).text;
      this.#folded.set(index, folded);
    }
    // Most pages have no hit: only those that do pay for the position map.
    if (!folded.includes(needle)) return [];
    return findInNormalized(normalizeText(text, options), needle, limit);
  }
}
