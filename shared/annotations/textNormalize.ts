/**
 * Text normalisation for find and quote anchoring, with a map back to the original string.
 *
 * - NFD, so a letter and its accents compare the same whichever form the PDF used;
 * - lower case unless `caseSensitive`;
 * - with `ignoreDiacritics`, combining marks are dropped and đ/Đ become d/D, so "nghi dinh"
 *   finds "nghị định" (ư, ơ, ă, â, ê, ô lose their horn, breve or circumflex the same way);
 * - every run of white space (including line breaks between PDF text runs) becomes one space.
 *
 * `starts[i]` / `ends[i]` give, for normalised character i, the range of the original string
 * (UTF-16 indices) it came from, so a match [s, e) in `text` is [starts[s], ends[e - 1]) in the
 * original. Pure; no DOM.
 */

export interface NormalizeOptions {
  ignoreDiacritics?: boolean;
  caseSensitive?: boolean;
}

export interface NormalizedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const COMBINING_MARK = /\p{M}/u;
const WHITE_SPACE = /^\s$/u;
/** A base character with its combining marks (or stray marks): normalised as one unit. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/** Letters NFD does not decompose but a reader types without their stroke. */
const STROKED: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D' };

export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  const ignoreDiacritics = options.ignoreDiacritics ?? false;
  const caseSensitive = options.caseSensitive ?? false;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = false;
  for (const match of original.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = match.index;
    const end = start + cluster.length;
    if (WHITE_SPACE.test(cluster)) {
      if (lastWasSpace) {
        // Extend the one space to cover the whole run.
        ends[ends.length - 1] = end;
      } else {
        text += ' ';
        starts.push(start);
        ends.push(end);
        lastWasSpace = true;
      }
      continue;
    }
    lastWasSpace = false;
    // NFD of the whole cluster puts its marks in canonical order, whatever order the PDF used.
    let folded = cluster.normalize('NFD');
    if (ignoreDiacritics) folded = folded.replace(/[đĐ]/gu, (char) => STROKED[char] ?? char);
    if (!caseSensitive) folded = folded.toLowerCase();
    for (const part of folded) {
      if (ignoreDiacritics && COMBINING_MARK.test(part)) continue;
      text += part;
      for (let unit = 0; unit < part.length; unit += 1) {
        starts.push(start);
        ends.push(end);
      }
    }
  }
  return { text, starts, ends };
}

/** The original range of the normalised range [start, end); end > start. */
export function originalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const first = normalized.starts[start];
  const last = normalized.ends[end - 1];
  if (first === undefined || last === undefined || end <= start)
    throw new RangeError('range outside the normalised text');
  return { start: first, end: last };
}

/** The normalised form of a query: as `normalizeText`, trimmed. */
export function normalizeQuery(query: string, options: NormalizeOptions = {}): string {
  return normalizeText(query, options).text.trim();
}
