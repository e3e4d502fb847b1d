import { describe, expect, it } from 'vitest';
import { findText } from '../../../shared/annotations/findText.ts';
import { normalizeText, originalRange } from '../../../shared/annotations/textNormalize.ts';

const FOLD = { ignoreDiacritics: true };

describe('normalizeText', () => {
  it('folds Vietnamese diacritics, đ/Đ and case', () => {
    expect(normalizeText('Nghị định số 15/2020/NĐ-CP', FOLD).text).toBe(
      'nghi dinh so 15/2020/nd-cp',
    );
    expect(normalizeText('Ưu tiên ĐẦU TƯ phát triển, ơn, ăn, ân, ê, ô', FOLD).text).toBe(
      'uu tien dau tu phat trien, on, an, an, e, o',
    );
  });

  it('keeps diacritics unless asked, comparing NFC and NFD text alike', () => {
    const nfc = 'nghị định'.normalize('NFC');
    const nfd = 'nghị định'.normalize('NFD');
    expect(normalizeText(nfc).text).toBe(normalizeText(nfd).text);
    expect(normalizeText(nfc).text).not.toBe(normalizeText('nghi dinh').text);
    // Marks in a non-canonical order still compare equal.
    expect(normalizeText('e\u0302\u0323').text).toBe(normalizeText('ệ').text);
  });

  it('collapses white space runs (line breaks between runs) to one space', () => {
    const n = normalizeText('Điều\n  5.\tPhạm vi', FOLD);
    expect(n.text).toBe('dieu 5. pham vi');
  });

  it('maps every normalised character back to the original', () => {
    const original = 'Số  NĐ-CP nghị\nđịnh';
    const n = normalizeText(original, FOLD);
    expect(n.starts).toHaveLength(n.text.length);
    const at = n.text.indexOf('nghi dinh');
    const range = originalRange(n, at, at + 'nghi dinh'.length);
    expect(original.slice(range.start, range.end)).toBe('nghị\nđịnh');
    // A decomposed original maps whole clusters.
    const decomposed = 'định'.normalize('NFD');
    const m = normalizeText(decomposed, FOLD);
    expect(originalRange(m, 0, m.text.length)).toEqual({ start: 0, end: decomposed.length });
  });

  it('is case-sensitive on request', () => {
    expect(normalizeText('Luật', { caseSensitive: true }).text).toBe('Luật'.normalize('NFD'));
  });
});

describe('findText', () => {
  const page = 'Căn cứ Nghị định số 15/2020/NĐ-CP; căn cứ nghị định khác.\nNGHỊ ĐỊNH này';

  it('finds "nghi dinh" in "nghị định" with the diacritics-insensitive option only', () => {
    const hits = findText(page, 'nghi dinh', FOLD);
    expect(hits.map((h) => page.slice(h.start, h.end))).toEqual([
      'Nghị định',
      'nghị định',
      'NGHỊ ĐỊNH',
    ]);
    expect(findText(page, 'nghi dinh')).toEqual([]);
    expect(findText(page, 'nghị định').map((h) => page.slice(h.start, h.end))).toHaveLength(3);
  });

  it('matches d for đ and across a line break', () => {
    expect(findText(page, 'nd-cp', FOLD).map((h) => page.slice(h.start, h.end))).toEqual(['NĐ-CP']);
    expect(findText(page, 'khác. nghị', FOLD).map((h) => page.slice(h.start, h.end))).toEqual([
      'khác.\nNGHỊ',
    ]);
  });

  it('returns nothing for an empty query and honours a limit', () => {
    expect(findText(page, '   ', FOLD)).toEqual([]);
    expect(findText(page, 'nghi', FOLD, 2)).toHaveLength(2);
  });
});
