import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/core/sync/backoff.ts';
import { ProgressThrottle } from '../../../electron/core/blobs/ProgressThrottle.ts';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling per attempt and stays within [ceiling/2, ceiling]', () => {
    const ceilings = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000];
    ceilings.forEach((ceiling, i) => {
      expect(backoffDelay(i + 1, policy, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(i + 1, policy, () => 0.999_999)).toBeLessThanOrEqual(ceiling);
      expect(backoffDelay(i + 1, policy, () => 0.999_999)).toBeGreaterThan(ceiling * 0.99);
    });
  });

  it('never exceeds the cap, even for huge attempt numbers', () => {
    for (const attempt of [30, 100, 1e6, Number.MAX_SAFE_INTEGER]) {
      const delay = backoffDelay(attempt, policy, () => 0.5);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBe(45_000);
    }
  });

  it('treats attempt < 1 as the first attempt and clamps a bad random source', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(500);
    expect(backoffDelay(-5, policy, () => 7)).toBe(1000);
    expect(backoffDelay(1, policy, () => -1)).toBe(500);
  });

  it('spreads retries (jitter) with the default random source', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(5, policy)));
    expect(seen.size).toBeGreaterThan(10);
    for (const d of seen) {
      expect(d).toBeGreaterThanOrEqual(8000);
      expect(d).toBeLessThanOrEqual(16_000);
    }
  });
});

describe('ProgressThrottle', () => {
  it('lets at most one event per interval through, except forced ones', () => {
    let now = 0;
    const throttle = new ProgressThrottle(100, () => now);
    expect(throttle.allow('a')).toBe(true);
    now = 50;
    expect(throttle.allow('a')).toBe(false);
    expect(throttle.allow('b')).toBe(true);
    expect(throttle.allow('a', true)).toBe(true);
    now = 149;
    expect(throttle.allow('a')).toBe(false);
    now = 150;
    expect(throttle.allow('a')).toBe(true);
    let allowed = 0;
    for (now = 1000; now < 2000; now += 1) if (throttle.allow('c')) allowed++;
    expect(allowed).toBe(10);
  });
});
