/**
 * Edit distances for quote anchoring. Pure; costs are bounded by the caller's inputs (context
 * strings are ~32 characters; fuzzy search runs only inside candidate windows, see
 * `fuzzyFind`).
 */

/** Levenshtein distance between `a` and `b` (UTF-16 units). O(|a|·|b|) time, O(|b|) memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Substrings of `text` within `maxErrors` edits of `pattern` (Sellers' algorithm: the pattern
 * may start anywhere), one per run of adjacent end positions (the one with fewest errors).
 * O(|pattern| · |text|); callers keep `text` to a window.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): FuzzyMatch[] {
  const m = pattern.length;
  const found: FuzzyMatch[] = [];
  if (m === 0) return found;
  // Column j of the table: cost[i] = fewest edits aligning pattern[0, i) to a substring of
  // text ending at j; from[i] = where that substring starts.
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let from = new Array<number>(m + 1).fill(0);
  let nextCost = new Array<number>(m + 1).fill(0);
  let nextFrom = new Array<number>(m + 1).fill(0);
  let run: FuzzyMatch | null = null;
  for (let j = 1; j <= text.length; j += 1) {
    nextCost[0] = 0;
    nextFrom[0] = j;
    const tj = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i += 1) {
      const diagonal = (cost[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === tj ? 0 : 1);
      const skipText = (cost[i] ?? 0) + 1;
      const skipPattern = (nextCost[i - 1] ?? 0) + 1;
      if (diagonal <= skipText && diagonal <= skipPattern) {
        nextCost[i] = diagonal;
        nextFrom[i] = from[i - 1] ?? 0;
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText;
        nextFrom[i] = from[i] ?? 0;
      } else {
        nextCost[i] = skipPattern;
        nextFrom[i] = nextFrom[i - 1] ?? 0;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
    const errors = cost[m] ?? m;
    if (errors <= maxErrors) {
      const match = { start: from[m] ?? 0, end: j, errors };
      if (run === null) run = match;
      else if (errors < run.errors) run = match;
    } else if (run !== null) {
      found.push(run);
      run = null;
    }
  }
  if (run !== null) found.push(run);
  return found;
}

/**
 * Where `pattern` may occur in `text` with at most `maxErrors` edits: by the pigeonhole
 * principle one of `maxErrors + 1` disjoint pieces of the pattern occurs exactly, so only
 * windows around exact piece hits are searched (merged when they overlap). Returns the matches
 * and the table cells spent; stops (returning what it has) once `budget` cells are spent.
 */
export function fuzzyFind(
  text: string,
  pattern: string,
  maxErrors: number,
  budget = Number.POSITIVE_INFINITY,
): { matches: FuzzyMatch[]; cells: number; exhausted: boolean } {
  const m = pattern.length;
  const pieces = Math.min(maxErrors + 1, m);
  const windows: Array<[number, number]> = [];
  for (let piece = 0; piece < pieces; piece += 1) {
    const offset = Math.floor((piece * m) / pieces);
    const needle = pattern.slice(offset, Math.floor(((piece + 1) * m) / pieces));
    if (needle === '') continue;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
      windows.push([
        Math.max(0, at - offset - maxErrors),
        Math.min(text.length, at - offset + m + maxErrors),
      ]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  const matches: FuzzyMatch[] = [];
  let cells = 0;
  for (const [start, end] of merged) {
    cells += (end - start) * m;
    if (cells > budget) return { matches, cells, exhausted: true };
    for (const match of approximateMatches(text.slice(start, end), pattern, maxErrors))
      matches.push({ start: start + match.start, end: start + match.end, errors: match.errors });
  }
  return { matches, cells, exhausted: false };
}
