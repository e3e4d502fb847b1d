import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobFileWriter } from '../../../electron/core/blobs/BlobFileWriter.ts';
import { BlobTransientError } from '../../../electron/core/blobs/fetchErrors.ts';
import { readBlobFile } from '../../../electron/core/blobs/readBlobFile.ts';
import { readBody } from '../../../electron/core/blobs/requestBlob.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';
import { immediateRelaxed } from '../../../electron/core/store/transaction.ts';

/** Pieces of the download hot path tuned by the sync benchmark (tests/bench/sync.bench.ts). */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'download-path-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function streamOf(
  chunks: Uint8Array[],
  then: 'close' | 'stall' | 'error',
): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else if (then === 'close') controller.close();
      else if (then === 'error') controller.error(new Error('connection reset'));
      else return new Promise(() => {}); // stalls: never another byte
      return undefined;
    },
  });
}

describe('readBody', () => {
  it('feeds every chunk in order and resolves at the end of the body', async () => {
    const got: number[] = [];
    await readBody(streamOf([Buffer.of(1), Buffer.of(2, 3)], 'close'), 1000, (c) => {
      got.push(...c);
      return Promise.resolve();
    });
    expect(got).toEqual([1, 2, 3]);
  });

  it('fails as transient when no byte arrives for idleMs', async () => {
    const started = Date.now();
    const reading = readBody(streamOf([Buffer.of(1)], 'stall'), 50, () => Promise.resolve());
    await expect(reading).rejects.toBeInstanceOf(BlobTransientError);
    await expect(reading).rejects.toThrow(/no data for 50 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not count time spent in onChunk (a slow disk) as a stall', async () => {
    let n = 0;
    await readBody(streamOf([Buffer.of(1), Buffer.of(2), Buffer.of(3)], 'close'), 30, async () => {
      n++;
      await sleep(80);
    });
    expect(n).toBe(3);
  });

  it('turns a broken connection into a transient error', async () => {
    await expect(
      readBody(streamOf([Buffer.of(1)], 'error'), 1000, () => Promise.resolve()),
    ).rejects.toThrow(/blob transfer broke/);
  });
});

describe('BlobFileWriter pieces', () => {
  it('takes pieces of any size (one spanning many chunks) and keeps no reference to them', async () => {
    const plain = randomBytes(1000);
    const expected = { sha256: createHash('sha256').update(plain).digest('hex'), size: 1000 };
    const path = join(dir, 'b.blob');
    const key = randomBytes(32);
    const writer = await BlobFileWriter.open(path, key, expected, 4); // 16-byte chunks
    // One reused buffer, overwritten after each write: the writer must have consumed it.
    const scratch = Buffer.alloc(300);
    let offset = 0;
    for (const size of [1, 15, 16, 17, 300, 251, 400]) {
      for (let at = 0; at < size; at += scratch.length) {
        const n = Math.min(scratch.length, size - at);
        plain.copy(scratch, 0, offset, offset + n);
        await writer.write(scratch.subarray(0, n));
        scratch.fill(0xee);
        offset += n;
      }
    }
    expect(offset).toBe(1000);
    await writer.finish();
    expect((await readBlobFile(path, key, expected)).equals(plain)).toBe(true);
  });
});

describe('immediateRelaxed', () => {
  it('commits or rolls back as a whole and leaves synchronous=FULL in place', () => {
    const db = openDatabase(dir);
    immediateRelaxed(db, () => db.prepare('UPDATE sync_state SET cursor = 3').run());
    expect(() =>
      immediateRelaxed(db, () => {
        db.prepare('UPDATE sync_state SET cursor = 4').run();
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(db.prepare('SELECT cursor FROM sync_state').get()?.['cursor']).toBe(3);
    expect(db.prepare('PRAGMA synchronous').get()?.['synchronous']).toBe(2);
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT cursor FROM sync_state').get()?.['cursor']).toBe(3);
    again.close();
  });
});
