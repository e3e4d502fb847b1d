import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../server/src/http/parseRange.ts';

describe('parseRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-0', { kind: 'range', start: 0, end: 0 }],
    ['bytes=0-499', { kind: 'range', start: 0, end: 499 }],
    ['bytes=999-', { kind: 'range', start: 999, end: 999 }],
    ['bytes=500-', { kind: 'range', start: 500, end: 999 }],
    ['bytes=-1', { kind: 'range', start: 999, end: 999 }],
    ['bytes=-100', { kind: 'range', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'range', start: 0, end: 999 }],
    ['bytes=10-5000', { kind: 'range', start: 10, end: 999 }],
    [' bytes=1-2 ', { kind: 'range', start: 1, end: 2 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-1001', { kind: 'unsatisfiable' }],
    ['bytes=99999999999999999999-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-2', { kind: 'none' }],
    ['bytes=-', { kind: 'none' }],
    ['bytes=0-1,3-4', { kind: 'none' }],
    ['items=0-1', { kind: 'none' }],
    ['bytes=a-b', { kind: 'none' }],
    ['', { kind: 'none' }],
  ] as const)('%s', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it('without a header sends everything', () => {
    expect(parseRange(undefined, size)).toEqual({ kind: 'none' });
  });

  it('finds nothing satisfiable in an empty body', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
