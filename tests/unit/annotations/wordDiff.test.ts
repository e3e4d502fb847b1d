import { describe, expect, it } from 'vitest';
import {
  diffPages,
  diffWords,
  wordsOf,
  type WordDiff,
} from '../../../shared/annotations/wordDiff.ts';

/** The old text (same + removed) and the new one (same + added) the diff describes. */
function sides(diff: WordDiff): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (const s of diff.segments) {
    if (s.op !== 'added') before.push(s.text);
    if (s.op !== 'removed') after.push(s.text);
  }
  return { before: before.join(' '), after: after.join(' ') };
}

/** Edits of the shortest script, by the textbook LCS table (a slow independent reference). */
function referenceEdits(a: string[], b: string[]): number {
  const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      rows[i]![j] =
        a[i - 1] === b[j - 1]
          ? rows[i - 1]![j - 1]! + 1
          : Math.max(rows[i - 1]![j]!, rows[i]![j - 1]!);
  return a.length + b.length - 2 * rows[a.length]![b.length]!;
}

/** Deterministic pseudo-random words (mulberry32), so a failure names its seed. */
function randomText(seed: number, length: number): string {
  let t = seed;
  const next = (): number => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const vocabulary = ['Điều', '1.', 'Nghị', 'định', 'này', 'quy', 'phạm', 'vi'];
  return Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
}

describe('diffWords (what changed between two versions of a page)', () => {
  it('reports the words removed and added, in order, with the common words kept', () => {
    const d = diffWords(
      'Điều 5. Thời hạn nộp báo cáo là 30 ngày',
      'Điều 5. Thời hạn nộp báo cáo là 45 ngày làm việc',
    );
    expect(d.segments).toEqual([
      { op: 'same', text: 'Điều 5. Thời hạn nộp báo cáo là', words: 8 },
      { op: 'removed', text: '30', words: 1 },
      { op: 'added', text: '45', words: 1 },
      { op: 'same', text: 'ngày', words: 1 },
      { op: 'added', text: 'làm việc', words: 2 },
    ]);
    expect([d.added, d.removed, d.exact]).toEqual([3, 1, true]);
  });

  it('treats whitespace differences as no change', () => {
    const d = diffWords('một  hai\nba', ' một hai ba ');
    expect([d.added, d.removed]).toEqual([0, 0]);
    expect(wordsOf('  a \n b ')).toEqual(['a', 'b']);
  });

  it('finds a shortest edit script that rebuilds both texts (seeded random pages)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const before = randomText(seed, 5 + (seed % 40));
      const after = randomText(seed * 7919, 3 + ((seed * 3) % 45));
      const d = diffWords(before, after);
      expect(sides(d), `seed ${seed}`).toEqual({
        before: wordsOf(before).join(' '),
        after: wordsOf(after).join(' '),
      });
      expect(d.added + d.removed, `seed ${seed}`).toBe(
        referenceEdits(wordsOf(before), wordsOf(after)),
      );
      expect(d.exact).toBe(true);
    }
  });

  it('stays bounded on a page that changed wholesale: the middle is one removal and one addition', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const d = diffWords(`đầu ${before} cuối`, `đầu ${after} cuối`, {
      maxEdits: 100,
      maxWords: 100_000,
    });
    expect(d.exact).toBe(false);
    expect(d.segments.map((s) => [s.op, s.words])).toEqual([
      ['same', 1],
      ['removed', 3000],
      ['added', 3000],
      ['same', 1],
    ]);
    expect(sides(d).after).toBe(`đầu ${after} cuối`);
    const tooLong = diffWords(before, after, { maxEdits: 10_000, maxWords: 10 });
    expect([tooLong.exact, tooLong.removed, tooLong.added]).toEqual([false, 3000, 3000]);
  });
});

describe('diffPages', () => {
  it('lists only the pages that changed, and pages only one version has', () => {
    const pages = diffPages(['trang một', 'trang hai', 'trang ba'], ['trang một', 'trang HAI']);
    expect(pages.map((p) => [p.pageIndex, p.diff.added, p.diff.removed])).toEqual([
      [1, 1, 1],
      [2, 0, 2],
    ]);
    expect(diffPages(['x'], ['x', 'mới'])).toEqual([
      {
        pageIndex: 1,
        diff: {
          segments: [{ op: 'added', text: 'mới', words: 1 }],
          added: 1,
          removed: 0,
          exact: true,
        },
      },
    ]);
  });
});
