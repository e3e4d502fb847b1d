/**
 * A word-level diff of two texts (Myers' O((N+M)·D) algorithm), for "what changed between the
 * version I annotated and the current one". Pure and bounded: the common start and end are
 * trimmed first, and when the rest needs more than `maxEdits` word edits (or has more than
 * `maxWords` words) the middle is reported as one removal and one addition, flagged
 * `exact: false`, instead of spending unbounded time or memory on a page that changed wholesale.
 */

export type DiffOp = 'same' | 'added' | 'removed';

/** A run of consecutive words with one fate, joined by single spaces. */
export interface DiffSegment {
  op: DiffOp;
  text: string;
  /** Words in the run. */
  words: number;
}

export interface WordDiff {
  segments: DiffSegment[];
  /** Words only in the new text / only in the old one. */
  added: number;
  removed: number;
  /** False when the bound was hit and the middle was compared as a whole. */
  exact: boolean;
}

export interface WordDiffLimits {
  /** Most word edits searched for (memory grows with its square). */
  maxEdits: number;
  /** Most words compared after trimming the common start and end. */
  maxWords: number;
}

export const DEFAULT_WORD_DIFF_LIMITS: WordDiffLimits = { maxEdits: 1_500, maxWords: 40_000 };

/** Words of a text: runs of non-space characters (PDF text spacing is not meaningful). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w !== '');
}

export function diffWords(
  before: string,
  after: string,
  limits: WordDiffLimits = DEFAULT_WORD_DIFF_LIMITS,
): WordDiff {
  const a = wordsOf(before);
  const b = wordsOf(after);
  // 1. Trim the common start and end (most pages change little).
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  const words: string[] = [];
  const push = (op: DiffOp, word: string): void => {
    ops.push(op);
    words.push(word);
  };
  for (let i = 0; i < start; i++) push('same', a[i] ?? '');
  // 2. The middle: Myers when within bounds, else wholesale.
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  let exact = true;
  const middle =
    midA.length + midB.length <= limits.maxWords ? myers(midA, midB, limits.maxEdits) : null;
  if (middle === null) {
    exact = midA.length === 0 || midB.length === 0;
    for (const w of midA) push('removed', w);
    for (const w of midB) push('added', w);
  } else for (const [op, w] of middle) push(op, w);
  for (let i = endA; i < a.length; i++) push('same', a[i] ?? '');
  return { ...group(ops, words), exact };
}

function group(ops: DiffOp[], words: string[]): Omit<WordDiff, 'exact'> {
  const segments: DiffSegment[] = [];
  let added = 0;
  let removed = 0;
  let run: string[] = [];
  let runOp: DiffOp | null = null;
  const flush = (): void => {
    if (runOp !== null && run.length > 0)
      segments.push({ op: runOp, text: run.join(' '), words: run.length });
    run = [];
  };
  ops.forEach((op, i) => {
    if (op === 'added') added++;
    if (op === 'removed') removed++;
    if (op !== runOp) {
      flush();
      runOp = op;
    }
    run.push(words[i] ?? '');
  });
  flush();
  return { segments, added, removed };
}

/**
 * The shortest edit script from `a` to `b` as [op, word] in order, or null when it needs more
 * than `maxEdits` edits. Keeps one V snapshot per edit step (sizes 2d+3), so memory is
 * O(maxEdits²) integers at most.
 */
function myers(
  a: readonly string[],
  b: readonly string[],
  maxEdits: number,
): [DiffOp, string][] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(
  a: readonly string[],
  b: readonly string[],
  trace: readonly Int32Array[],
  depth: number,
): [DiffOp, string][] {
  const out: [DiffOp, string][] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const snap = trace[d];
    if (snap === undefined) break;
    // snap[k + d + 1] is V[k] as it was before step d.
    const at = (k: number): number => snap[k + d + 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push(['same', a[x - 1] ?? '']);
      x--;
      y--;
    }
    if (down) out.push(['added', b[prevY] ?? '']);
    else out.push(['removed', a[prevX] ?? '']);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push(['same', a[x - 1] ?? '']);
    x--;
    y--;
  }
  return out.reverse();
}

/** One page's changes between two versions (0-based page index). */
export interface PageDiff {
  pageIndex: number;
  diff: WordDiff;
}

/**
 * Page by page: page i of the old version against page i of the new one; a page only one
 * version has is all removed or all added. Only pages that changed are returned.
 */
export function diffPages(
  before: readonly string[],
  after: readonly string[],
  limits: WordDiffLimits = DEFAULT_WORD_DIFF_LIMITS,
): PageDiff[] {
  const out: PageDiff[] = [];
  const pages = Math.max(before.length, after.length);
  for (let i = 0; i < pages; i++) {
    const diff = diffWords(before[i] ?? '', after[i] ?? '', limits);
    if (diff.added > 0 || diff.removed > 0) out.push({ pageIndex: i, diff });
  }
  return out;
}
