/** A line produced by `breakLines`: its words and their natural width (points). */
export interface BrokenLine {
  words: string[];
  /** Sum of word widths plus one space between each pair, points. */
  width: number;
  /** True for the paragraph's last line (never justified). */
  last: boolean;
}

/**
 * Greedy line breaking on spaces (Vietnamese separates syllables by spaces, so no hyphenation
 * is needed). `measure` returns a word's width in points; `firstWidth` and `width` are the
 * available widths of the first and following lines. A word wider than a line gets a line of
 * its own rather than being split.
 */
export function breakLines(
  text: string,
  measure: (word: string) => number,
  spaceWidth: number,
  firstWidth: number,
  width: number,
): BrokenLine[] {
  const words = text.split(' ').filter((w) => w.length > 0);
  const lines: BrokenLine[] = [];
  let current: string[] = [];
  let currentWidth = 0;
  for (const word of words) {
    const w = measure(word);
    const limit = lines.length === 0 ? firstWidth : width;
    if (current.length > 0 && currentWidth + spaceWidth + w > limit) {
      lines.push({ words: current, width: currentWidth, last: false });
      current = [word];
      currentWidth = w;
    } else {
      currentWidth += (current.length > 0 ? spaceWidth : 0) + w;
      current.push(word);
    }
  }
  if (current.length > 0) lines.push({ words: current, width: currentWidth, last: true });
  return lines;
}

/**
 * Like `breakLines` with one width, but with lines of similar length (for centred headings):
 * keeps the greedy line count and searches for the narrowest width that still achieves it.
 */
export function balancedLines(
  text: string,
  measure: (word: string) => number,
  spaceWidth: number,
  width: number,
): BrokenLine[] {
  const greedy = breakLines(text, measure, spaceWidth, width, width);
  if (greedy.length < 2) return greedy;
  let lo = 0;
  let hi = width;
  // 1/8 pt precision is plenty for centring.
  while (hi - lo > 0.125) {
    const mid = (lo + hi) / 2;
    if (breakLines(text, measure, spaceWidth, mid, mid).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return breakLines(text, measure, spaceWidth, hi, hi);
}
