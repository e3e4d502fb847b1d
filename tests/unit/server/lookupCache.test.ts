import { describe, expect, it } from 'vitest';
import { LookupCache } from '../../../server/src/push/LookupCache.ts';

describe('LookupCache (per push transaction)', () => {
  it('loads a key once, also while the first load is still running, and caches "not found"', async () => {
    const cache = new LookupCache();
    let loads = 0;
    const load = async (): Promise<string | undefined> => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return undefined;
    };
    const [a, b] = await Promise.all([cache.get('meeting:1', load), cache.get('meeting:1', load)]);
    expect([a, b]).toEqual([undefined, undefined]);
    expect(await cache.get('meeting:1', load)).toBeUndefined();
    expect(loads).toBe(1);
    expect(await cache.get('meeting:2', () => Promise.resolve('row'))).toBe('row');
    expect(cache.size).toBe(2);
  });

  it('does not keep a failed load: the next caller loads again', async () => {
    const cache = new LookupCache();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(cache.size).toBe(0);
    expect(await cache.get('k', () => Promise.resolve(7))).toBe(7);
  });
});
