import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../../shared/annotations/anchorQuote.ts';
import {
  approximateMatches,
  fuzzyFind,
  levenshtein,
} from '../../../shared/annotations/editDistance.ts';
import { makeTextQuote } from '../../../shared/annotations/textQuote.ts';

const SENTENCE = 'Hộ gia đình có thu nhập thấp được vay vốn ưu đãi để mua nhà ở xã hội';
const FILLER = (n: number) =>
  `Điều ${n}. Quy định chung về trách nhiệm của các bộ, ngành và địa phương trong việc tổ chức thực hiện. `;

function pagesWith(sentenceAt: number, count = 6, around = ''): string[] {
  return Array.from({ length: count }, (_, index) =>
    index === sentenceAt
      ? `${FILLER(index)}Theo khoản 2, ${SENTENCE}${around} trên địa bàn. ${FILLER(index + 50)}`
      : `${FILLER(index)}${FILLER(index + 100)}`,
  );
}

function quoteOf(pages: string[], pageIndex: number, exact: string) {
  const text = pages[pageIndex] ?? '';
  const start = text.indexOf(exact);
  return makeTextQuote(text, start, start + exact.length);
}

describe('makeTextQuote', () => {
  it('keeps 32 characters of context either side, fewer at the edges', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(10)}`;
    expect(makeTextQuote(text, 40, 45)).toEqual({
      exact: 'QUOTE',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(10),
    });
    expect(() => makeTextQuote(text, 5, 5)).toThrow(RangeError);
  });

  it('never splits a surrogate pair', () => {
    const text = `😀${'x'.repeat(31)}Q`;
    const quote = makeTextQuote(text, text.length - 1, text.length);
    expect(quote.prefix).toBe('x'.repeat(31));
  });
});

describe('anchorQuote', () => {
  const original = pagesWith(2);
  const quote = quoteOf(original, 2, SENTENCE);

  it('finds the quote where it was', () => {
    const anchor = anchorQuote(original, quote, { pageHint: 2 });
    expect(anchor).toMatchObject({ status: 'anchored', pageIndex: 2, method: 'exact', errors: 0 });
    if (anchor.status !== 'anchored') throw new Error('unreachable');
    expect(original[2]?.slice(anchor.start, anchor.end)).toBe(SENTENCE);
    expect(anchor.context).toBeCloseTo(1, 5);
  });

  it('follows the sentence to another page of a new version', () => {
    const moved = pagesWith(4);
    const anchor = anchorQuote(moved, quote, { pageHint: 2 });
    expect(anchor).toMatchObject({ status: 'anchored', pageIndex: 4, method: 'exact' });
  });

  it('survives small edits around the quote and prefers the occurrence whose context agrees', () => {
    const edited = pagesWith(3, 6, ' thuộc diện chính sách');
    // The same sentence also appears, out of context, on page 0.
    edited[0] = `${SENTENCE}. ${edited[0] ?? ''}`;
    const anchor = anchorQuote(edited, quote, { pageHint: 0 });
    expect(anchor).toMatchObject({ status: 'anchored', pageIndex: 3, method: 'exact' });
  });

  it('falls back to diacritics-insensitive matching (a re-typed, unaccented version)', () => {
    const retyped = original.map((page) =>
      page.replace(
        SENTENCE,
        'Ho gia dinh co thu nhap thap duoc vay von uu dai de mua nha o xa hoi',
      ),
    );
    const anchor = anchorQuote(retyped, quote, { pageHint: 2 });
    expect(anchor).toMatchObject({ status: 'anchored', pageIndex: 2, method: 'normalized' });
  });

  it('falls back to fuzzy matching for small edits inside the quote', () => {
    // Eight edits in a 69-character quote (the bound is 15 %, here 10).
    const changed = original.map((page) =>
      page.replace('đình có thu', 'đình thu').replace('để mua nhà', 'để thuê mua nhà'),
    );
    const anchor = anchorQuote(changed, quote, { pageHint: 2 });
    expect(anchor).toMatchObject({ status: 'anchored', pageIndex: 2, method: 'fuzzy' });
    if (anchor.status !== 'anchored') throw new Error('unreachable');
    expect(anchor.errors).toBeGreaterThan(0);
    const found = changed[2]?.slice(anchor.start, anchor.end) ?? '';
    expect(found.startsWith('Hộ gia đình')).toBe(true);
    expect(found.endsWith('xã hội')).toBe(true);
  });

  it('needs attention when the passage was rewritten or removed', () => {
    const removed = original.map((page) => page.replace(SENTENCE, ''));
    expect(anchorQuote(removed, quote)).toEqual({ status: 'needs_attention' });
    const rewritten = original.map((page) =>
      page.replace(SENTENCE, 'Người lao động tại khu công nghiệp được hỗ trợ thuê nhà'),
    );
    expect(anchorQuote(rewritten, quote)).toEqual({ status: 'needs_attention' });
  });

  it('does not trust a short quote whose context is gone', () => {
    const pages = ['Mục tiêu của Điều 5 là bảo đảm an sinh xã hội cho người dân.'];
    const short = quoteOf(pages, 0, 'Điều 5');
    expect(anchorQuote(pages, short)).toMatchObject({ status: 'anchored', method: 'exact' });
    const elsewhere = ['Các nội dung khác được quy định tại Điều 5 của Luật Đất đai năm 2024.'];
    expect(anchorQuote(elsewhere, short)).toEqual({ status: 'needs_attention' });
  });

  it('stays within its fuzzy budget', () => {
    const big = Array.from({ length: 50 }, () => 'abcdefghij'.repeat(300));
    const anchor = anchorQuote(
      big,
      { exact: 'abcdefghij abcdefghij xyz', prefix: '', suffix: '' },
      { fuzzyBudget: 1_000 },
    );
    expect(anchor).toEqual({ status: 'needs_attention' });
  });
});

describe('edit distance', () => {
  it('computes Levenshtein distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('finds approximate substrings with their start and error count', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    expect(approximateMatches(text, 'brwn fox', 1)).toEqual([{ start: 10, end: 19, errors: 1 }]);
    expect(approximateMatches(text, 'cat', 0)).toEqual([]);
    const { matches } = fuzzyFind(text, 'jumps ovr the', 2);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['jumps over the']);
  });
});
