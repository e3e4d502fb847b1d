import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBlobStore, type BlobStore } from '../../../server/src/blobs/BlobStore.ts';
import { ServerError } from '../../../server/src/ServerError.ts';

describe('BlobStore', () => {
  let root: string;
  let store: BlobStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ecabinet-blobs-'));
    store = await openBlobStore(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under ab/cdef… of their SHA-256', async () => {
    const bytes = Buffer.from('hello cabinet');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.put(bytes)).toEqual({ sha256: sha, size: bytes.length });
    expect(store.pathOf(sha)).toBe(join(root, sha.slice(0, 2), sha.slice(2)));
    expect(await readFile(store.pathOf(sha))).toEqual(bytes);
    expect(await store.size(sha)).toBe(bytes.length);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('answers null for a missing or malformed hash, and never builds a path from one', async () => {
    expect(await store.size('0'.repeat(64))).toBeNull();
    expect(await store.size('../../etc/passwd')).toBeNull();
    expect(() => store.pathOf('../x')).toThrow();
  });

  it('stops at the limit while streaming and leaves no temp file', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve)); // a stream that arrives over time
        produced += 1024;
        yield Buffer.alloc(1024);
      }
    }
    const staged = store.stage(source(), 10 * 1024);
    await expect(staged).rejects.toBeInstanceOf(ServerError);
    await expect(staged).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(produced).toBe(11 * 1024); // it read one chunk past the limit, then stopped
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('accepts exactly the limit', async () => {
    const staged = await store.stage([Buffer.alloc(4096, 1)], 4096);
    expect(staged.size).toBe(4096);
    await store.commit(staged);
    expect(await store.size(staged.sha256)).toBe(4096);
  });
});
