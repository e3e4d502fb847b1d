import { describe, expect, it } from 'vitest';
import { demoId } from '../../../server/seed/demo/demoIds.ts';
import {
  addDays,
  hanoiDay,
  hanoiInstant,
  onOrAfterWorkday,
  viDate,
} from '../../../server/seed/demo/hanoiTime.ts';
import { idSchema } from '../../../shared/domain/ids.ts';
import { balancedLines, breakLines } from '../../../server/seed/pdf/breakLines.ts';

/** Every character is 1 pt wide; a space is 1 pt. */
const measure = (w: string) => w.length;

describe('breakLines', () => {
  it('fills lines greedily and marks the last one', () => {
    const lines = breakLines('aa bb cc dd ee', measure, 1, 5, 5);
    expect(lines.map((l) => l.words.join(' '))).toEqual(['aa bb', 'cc dd', 'ee']);
    expect(lines.map((l) => l.width)).toEqual([5, 5, 2]);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });

  it('honours a narrower first line (indent) and keeps an over-long word whole', () => {
    expect(breakLines('aa bb cc', measure, 1, 2, 8).map((l) => l.words.join(' '))).toEqual([
      'aa',
      'bb cc',
    ]);
    expect(breakLines('abcdefgh ij', measure, 1, 4, 4).map((l) => l.words.join(' '))).toEqual([
      'abcdefgh',
      'ij',
    ]);
    expect(breakLines('', measure, 1, 4, 4)).toEqual([]);
  });

  it('balances centred lines without adding lines', () => {
    const greedy = breakLines('aaaa bbbb cccc dd', measure, 1, 15, 15).map((l) =>
      l.words.join(' '),
    );
    const balanced = balancedLines('aaaa bbbb cccc dd', measure, 1, 15).map((l) =>
      l.words.join(' '),
    );
    expect(greedy).toEqual(['aaaa bbbb cccc', 'dd']);
    expect(balanced).toEqual(['aaaa bbbb', 'cccc dd']);
  });
});

describe('hanoiTime', () => {
  it('reads calendar days in UTC+07:00', () => {
    expect(hanoiDay(new Date('2026-12-31T16:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(hanoiDay(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(hanoiInstant({ year: 2026, month: 11, day: 2 }, 8).toISOString()).toBe(
      '2026-11-02T01:00:00.000Z',
    );
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
  });

  it('moves weekends to the next Monday', () => {
    expect(onOrAfterWorkday({ year: 2026, month: 10, day: 31 })).toEqual({
      year: 2026,
      month: 11,
      day: 2,
    });
    expect(onOrAfterWorkday({ year: 2026, month: 11, day: 3 })).toEqual({
      year: 2026,
      month: 11,
      day: 3,
    });
  });

  it('formats dates the official way: zero before days under 10 and months 1 and 2', () => {
    expect(viDate({ year: 2026, month: 1, day: 5 })).toBe('ngày 05 tháng 01 năm 2026');
    expect(viDate({ year: 2026, month: 11, day: 21 })).toBe('ngày 21 tháng 11 năm 2026');
    expect(viDate({ year: 2026, month: 3, day: 9 })).toBe('ngày 09 tháng 3 năm 2026');
  });
});

describe('demoId', () => {
  it('makes valid, distinct UUIDs per group and number', () => {
    const ids = [
      demoId('user', 1),
      demoId('user', 2),
      demoId('meeting', 1),
      demoId('document', 2 ** 40),
    ];
    for (const id of ids) idSchema.parse(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => demoId('item', 0)).toThrow(RangeError);
  });
});
