import { describe, expect, it } from 'vitest';
import { RecentPaperBytes } from '../../../electron/core/blobs/RecentPaperBytes.ts';

const sha = (n: number): string => n.toString(16).padStart(64, '0');

describe('RecentPaperBytes', () => {
  it('keeps the four most recently used papers', () => {
    const recent = new RecentPaperBytes();
    for (let n = 1; n <= 4; n += 1) recent.put(sha(n), `paper ${n}`);
    expect(recent.get(sha(1))).toBe('paper 1'); // now the most recent
    recent.put(sha(5), 'paper 5');
    expect(recent.size).toBe(4);
    expect(recent.get(sha(2))).toBeUndefined(); // the least recently used went
    expect(recent.get(sha(1))).toBe('paper 1');
    expect(recent.get(sha(5))).toBe('paper 5');
  });

  it('bounds the characters kept and never keeps one paper larger than the bound', () => {
    const recent = new RecentPaperBytes();
    const big = 'A'.repeat(60 * 1024 * 1024);
    recent.put(sha(1), big);
    recent.put(sha(2), big);
    recent.put(sha(3), big); // 180 MiB > 128 MiB: the oldest goes
    expect(recent.get(sha(1))).toBeUndefined();
    expect(recent.size).toBe(2);
    recent.put(sha(4), 'A'.repeat(129 * 1024 * 1024));
    expect(recent.get(sha(4))).toBeUndefined();
  });

  it('forgets one paper, or all of them', () => {
    const recent = new RecentPaperBytes();
    recent.put(sha(1), 'a');
    recent.put(sha(2), 'b');
    recent.delete(sha(1));
    expect(recent.get(sha(1))).toBeUndefined();
    recent.clear();
    expect(recent.size).toBe(0);
  });
});
