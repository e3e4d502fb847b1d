import {
  normalizeQuery,
  normalizeText,
  originalRange,
  type NormalizeOptions,
  type NormalizedText,
} from './textNormalize.ts';

/** A range of the original text, UTF-16 indices, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Every occurrence of the already-normalised `query` in `normalized`, left to right, not
 * overlapping, as ranges of the original text; at most `limit`. Empty query: none.
 */
export function findInNormalized(
  normalized: NormalizedText,
  query: string,
  limit = Number.POSITIVE_INFINITY,
): TextRange[] {
  const found: TextRange[] = [];
  if (query === '') return found;
  let from = 0;
  while (found.length < limit) {
    const at = normalized.text.indexOf(query, from);
    if (at < 0) break;
    found.push(originalRange(normalized, at, at + query.length));
    from = at + query.length;
  }
  return found;
}

/** Every occurrence of `query` in `text` under `options` (see `normalizeText`). */
export function findText(
  text: string,
  query: string,
  options: NormalizeOptions = {},
  limit?: number,
): TextRange[] {
  return findInNormalized(normalizeText(text, options), normalizeQuery(query, options), limit);
}
