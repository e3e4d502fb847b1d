import type { TextQuote } from './annotationTypes.ts';
import { fuzzyFind, similarity } from './editDistance.ts';
import { normalizeText, originalRange, type NormalizedText } from './textNormalize.ts';

export type AnchorMethod = 'exact' | 'normalized' | 'fuzzy';

export type QuoteAnchor =
  | {
      status: 'anchored';
      /** 0-based page of `pageTexts`. */
      pageIndex: number;
      /** The matched range of that page's text, UTF-16 indices, end exclusive. */
      start: number;
      end: number;
      method: AnchorMethod;
      /** How well the text around the match agrees with the quote's prefix and suffix, 0…1. */
      context: number;
      /** Edits between the quote and the match (normalised text; 0 unless fuzzy). */
      errors: number;
    }
  | { status: 'needs_attention' };

export interface AnchorOptions {
  /** The page the annotation was on: among equal candidates the nearest wins. */
  pageHint?: number;
  /** Most dynamic-programming cells the fuzzy phase may spend over the whole document. */
  fuzzyBudget?: number;
}

/** Quotes shorter than this (normalised) need supporting context to be trusted. */
const SHORT_QUOTE = 16;
/** Context agreement a short quote needs; a fuzzy match of a mid-length quote needs it too. */
const SHORT_QUOTE_CONTEXT = 0.5;
const FUZZY_MIN_LENGTH = 8;
const FUZZY_ERROR_RATE = 0.15;
const FUZZY_MAX_ERRORS = 64;
const DEFAULT_FUZZY_BUDGET = 50_000_000;
/** Candidates compared per phase and page, to bound work on repetitive pages. */
const MAX_CANDIDATES_PER_PAGE = 2_000;

interface Candidate {
  pageIndex: number;
  start: number;
  end: number;
  context: number;
  errors: number;
  /** Context agreement less the share of the quote that had to be edited. */
  score: number;
}

const FOLD = { ignoreDiacritics: true } as const;

/** Context agreement: prefix against the text just before, suffix against the text just after. */
function contextScore(
  page: NormalizedText,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  const before = page.text.slice(Math.max(0, start - prefix.length), start);
  const after = page.text.slice(end, end + suffix.length);
  return (similarity(before, prefix) + similarity(after, suffix)) / 2;
}

function better(a: Candidate, b: Candidate | null, hint: number): boolean {
  if (b === null) return true;
  if (Math.abs(a.score - b.score) > 1e-9) return a.score > b.score;
  return Math.abs(a.pageIndex - hint) < Math.abs(b.pageIndex - hint);
}

/** First index whose value is ≥ `value` in the non-decreasing `values` (length if none). */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First index whose value is > `value` in the non-decreasing `values` (length if none). */
function firstAbove(values: readonly number[], value: number): number {
  return firstAtLeast(values, value + 1);
}

/**
 * Finds where `quote` now is in a document given as one string per page (the same page-text
 * extraction the quote was taken from). Three phases, each tried only when the previous found
 * nothing trustworthy:
 * 1. exact: the quote verbatim; candidates ranked by context agreement, then nearness to the hint;
 * 2. normalised: case, diacritics (đ → d) and white space ignored;
 * 3. fuzzy: within max(1, 15 %) edits (at most 64) of the normalised quote, found through exact
 *    pieces (see `fuzzyFind`) under a global cell budget.
 * A short quote, or a fuzzy match of one under 32 characters, must also agree with its context
 * (≥ 0.5); otherwise it is not trusted. Nothing trustworthy → `needs_attention`, for the member
 * to place again by hand.
 */
export function anchorQuote(
  pageTexts: readonly string[],
  quote: TextQuote,
  options: AnchorOptions = {},
): QuoteAnchor {
  const hint = options.pageHint ?? 0;
  const exact = normalizeText(quote.exact, FOLD).text.trim();
  if (exact === '') return { status: 'needs_attention' };
  const prefix = normalizeText(quote.prefix, FOLD).text;
  const suffix = normalizeText(quote.suffix, FOLD).text;
  const short = exact.length < SHORT_QUOTE;
  const pages = pageTexts.map((text) => normalizeText(text, FOLD));
  const trusted = (candidate: Candidate | null, minimum: number): candidate is Candidate =>
    candidate !== null && candidate.context >= minimum;

  // 1. Exact, in the original text.
  let best: Candidate | null = null;
  pageTexts.forEach((text, pageIndex) => {
    const page = pages[pageIndex];
    if (!page) return;
    let count = 0;
    for (
      let at = text.indexOf(quote.exact);
      at >= 0 && count < MAX_CANDIDATES_PER_PAGE;
      count += 1
    ) {
      const end = at + quote.exact.length;
      // Context is compared in the normalised text: find where [at, end) landed there.
      const candidate: Candidate = {
        pageIndex,
        start: at,
        end,
        context: contextScore(
          page,
          firstAtLeast(page.starts, at),
          firstAbove(page.ends, end),
          prefix,
          suffix,
        ),
        errors: 0,
        score: 0,
      };
      candidate.score = candidate.context;
      if (better(candidate, best, hint)) best = candidate;
      at = text.indexOf(quote.exact, at + 1);
    }
  });
  if (trusted(best, short ? SHORT_QUOTE_CONTEXT : 0)) return anchored(best, 'exact');

  // 2. Normalised.
  best = null;
  pages.forEach((page, pageIndex) => {
    let count = 0;
    for (
      let at = page.text.indexOf(exact);
      at >= 0 && count < MAX_CANDIDATES_PER_PAGE;
      count += 1
    ) {
      const range = originalRange(page, at, at + exact.length);
      const candidate: Candidate = {
        pageIndex,
        ...range,
        context: contextScore(page, at, at + exact.length, prefix, suffix),
        errors: 0,
        score: 0,
      };
      candidate.score = candidate.context;
      if (better(candidate, best, hint)) best = candidate;
      at = page.text.indexOf(exact, at + 1);
    }
  });
  if (trusted(best, short ? SHORT_QUOTE_CONTEXT : 0)) return anchored(best, 'normalized');

  // 3. Fuzzy, nearest pages first so the budget is spent where the quote most likely is.
  if (exact.length < FUZZY_MIN_LENGTH) return { status: 'needs_attention' };
  const maxErrors = Math.min(
    FUZZY_MAX_ERRORS,
    Math.max(1, Math.floor(exact.length * FUZZY_ERROR_RATE)),
  );
  let budget = options.fuzzyBudget ?? DEFAULT_FUZZY_BUDGET;
  const order = pages
    .map((_, index) => index)
    .sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint) || a - b);
  best = null;
  for (const pageIndex of order) {
    const page = pages[pageIndex];
    if (!page) continue;
    const { matches, cells, exhausted } = fuzzyFind(page.text, exact, maxErrors, budget);
    budget -= cells;
    for (const match of matches.slice(0, MAX_CANDIDATES_PER_PAGE)) {
      if (match.end <= match.start) continue;
      const candidate: Candidate = {
        pageIndex,
        ...originalRange(page, match.start, match.end),
        context: contextScore(page, match.start, match.end, prefix, suffix),
        errors: match.errors,
        score: 0,
      };
      candidate.score = candidate.context - match.errors / exact.length;
      if (better(candidate, best, hint)) best = candidate;
    }
    if (exhausted) break;
  }
  const needed = exact.length < 32 ? SHORT_QUOTE_CONTEXT : 0.2;
  if (trusted(best, needed)) return anchored(best, 'fuzzy');
  return { status: 'needs_attention' };
}

function anchored(candidate: Candidate, method: AnchorMethod): QuoteAnchor {
  const { pageIndex, start, end, context, errors } = candidate;
  return { status: 'anchored', method, pageIndex, start, end, context, errors };
}
