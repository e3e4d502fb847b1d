import { createHash, randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BlobFileWriter,
  BlobIncompleteError,
} from '../../../electron/core/blobs/BlobFileWriter.ts';
import {
  BlobIntegrityError,
  HEADER_BYTES,
  TAG_BYTES,
  encryptedFileSize,
} from '../../../electron/core/blobs/blobFileFormat.ts';
import { openBlobBytes, readBlobFile } from '../../../electron/core/blobs/readBlobFile.ts';

const LOG2 = 4; // 16-byte chunks: small enough to flip every byte of a multi-chunk file
const key = randomBytes(32);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blobfmt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writeAll(path: string, plain: Buffer, pieces = 7, dataKey = key): Promise<void> {
  const writer = await BlobFileWriter.open(
    path,
    dataKey,
    { sha256: sha(plain), size: plain.length },
    LOG2,
  );
  for (let i = 0; i < plain.length; i += pieces) await writer.write(plain.subarray(i, i + pieces));
  await writer.finish();
}

describe('chunked blob format', () => {
  it.each([0, 1, 15, 16, 17, 48, 50])(
    'round-trips %i bytes with the exact expected file size',
    async (size) => {
      const plain = randomBytes(size);
      const path = join(dir, 'b.blob');
      await writeAll(path, plain);
      expect(statSync(path).size).toBe(encryptedFileSize(size, LOG2));
      expect(existsSync(`${path}.part`)).toBe(false);
      expect((await readBlobFile(path, key, { sha256: sha(plain), size })).equals(plain)).toBe(
        true,
      );
    },
  );

  it('never stores the plaintext', async () => {
    const plain = Buffer.from('TỜ TRÌNH MẬT — confidential paper text '.repeat(4));
    const path = join(dir, 'b.blob');
    await writeAll(path, plain);
    const stored = readFileSync(path);
    expect(stored.includes(plain.subarray(0, 16))).toBe(false);
    expect(stored.includes(Buffer.from('confidential'))).toBe(false);
  });

  it('rejects a file when any single byte is altered', async () => {
    const plain = randomBytes(40); // 3 chunks
    const path = join(dir, 'b.blob');
    await writeAll(path, plain);
    const good = readFileSync(path);
    const expected = { sha256: sha(plain), size: plain.length };
    for (let i = 0; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      expect(() => openBlobBytes(bad, key, expected), `byte ${i}`).toThrow(BlobIntegrityError);
    }
  });

  it('rejects every truncation and any appended byte', async () => {
    const plain = randomBytes(40);
    const path = join(dir, 'b.blob');
    await writeAll(path, plain);
    const good = readFileSync(path);
    const expected = { sha256: sha(plain), size: plain.length };
    for (let length = 0; length < good.length; length++) {
      expect(
        () => openBlobBytes(good.subarray(0, length), key, expected),
        `length ${length}`,
      ).toThrow(BlobIntegrityError);
    }
    expect(() => openBlobBytes(Buffer.concat([good, Buffer.of(0)]), key, expected)).toThrow(
      BlobIntegrityError,
    );
  });

  it('rejects swapped chunks, another key, and a file moved to another content address', async () => {
    const plain = randomBytes(32); // 2 full chunks
    const path = join(dir, 'b.blob');
    await writeAll(path, plain);
    const good = readFileSync(path);
    const expected = { sha256: sha(plain), size: plain.length };
    const c = 16 + TAG_BYTES;
    const swapped = Buffer.concat([
      good.subarray(0, HEADER_BYTES),
      good.subarray(HEADER_BYTES + c),
      good.subarray(HEADER_BYTES, HEADER_BYTES + c),
    ]);
    expect(() => openBlobBytes(swapped, key, expected)).toThrow(BlobIntegrityError);
    expect(() => openBlobBytes(good, randomBytes(32), expected)).toThrow(BlobIntegrityError);
    const other = randomBytes(32);
    expect(() => openBlobBytes(good, key, { sha256: sha(other), size: 32 })).toThrow(
      BlobIntegrityError,
    );
  });

  it('refuses plaintext whose SHA-256 differs from the manifest and deletes the partial file', async () => {
    const plain = randomBytes(20);
    const path = join(dir, 'b.blob');
    const writer = await BlobFileWriter.open(
      path,
      key,
      { sha256: sha(randomBytes(20)), size: 20 },
      LOG2,
    );
    await writer.write(plain);
    await expect(writer.finish()).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.part`)).toBe(false);
  });

  it('refuses more bytes than the manifest size', async () => {
    const writer = await BlobFileWriter.open(
      join(dir, 'b.blob'),
      key,
      { sha256: sha(randomBytes(4)), size: 4 },
      LOG2,
    );
    await expect(writer.write(randomBytes(5))).rejects.toBeInstanceOf(BlobIntegrityError);
    await writer.discard();
  });

  it('resumes at the last whole chunk after a cut, and the result equals a one-shot write', async () => {
    const plain = randomBytes(70);
    const path = join(dir, 'b.blob');
    const expected = { sha256: sha(plain), size: plain.length };
    const first = await BlobFileWriter.open(path, key, expected, LOG2);
    await first.write(plain.subarray(0, 37)); // 2 whole chunks + 5 bytes in memory
    await expect(first.finish()).rejects.toBeInstanceOf(BlobIncompleteError);
    const second = await BlobFileWriter.open(path, key, expected, LOG2);
    expect(second.plainOffset).toBe(32);
    await second.write(plain.subarray(32));
    await second.finish();
    expect((await readBlobFile(path, key, expected)).equals(plain)).toBe(true);
  });

  it('on resume drops a torn trailing chunk and a tampered chunk with everything after it', async () => {
    const plain = randomBytes(64);
    const path = join(dir, 'b.blob');
    const part = `${path}.part`;
    const expected = { sha256: sha(plain), size: plain.length };
    const w = await BlobFileWriter.open(path, key, expected, LOG2);
    await w.write(plain.subarray(0, 48)); // 3 chunks on disk
    await w.close();
    // A torn write: half of chunk 3's bytes.
    truncateSync(part, HEADER_BYTES + 3 * (16 + TAG_BYTES) - 10);
    let r = await BlobFileWriter.open(path, key, expected, LOG2);
    expect(r.plainOffset).toBe(32);
    await r.close();
    // Tamper with chunk 1: chunks 1.. are dropped, chunk 0 kept.
    const bytes = readFileSync(part);
    const at = HEADER_BYTES + (16 + TAG_BYTES) + 3;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(part, bytes);
    r = await BlobFileWriter.open(path, key, expected, LOG2);
    expect(r.plainOffset).toBe(16);
    await r.write(plain.subarray(16));
    await r.finish();
    expect((await readBlobFile(path, key, expected)).equals(plain)).toBe(true);
  });

  it('starts over when the partial file belongs to other content or has a bad header', async () => {
    const plain = randomBytes(40);
    const path = join(dir, 'b.blob');
    writeFileSync(`${path}.part`, randomBytes(100));
    const w = await BlobFileWriter.open(path, key, { sha256: sha(plain), size: 40 }, LOG2);
    expect(w.plainOffset).toBe(0);
    await w.write(plain);
    await w.finish();
    expect((await readBlobFile(path, key, { sha256: sha(plain), size: 40 })).equals(plain)).toBe(
      true,
    );
  });

  it('restart() discards stored chunks (server ignored the Range)', async () => {
    const plain = randomBytes(40);
    const path = join(dir, 'b.blob');
    const expected = { sha256: sha(plain), size: 40 };
    const w = await BlobFileWriter.open(path, key, expected, LOG2);
    await w.write(plain.subarray(0, 20));
    await w.restart();
    expect(w.plainOffset).toBe(0);
    await w.write(plain);
    await w.finish();
    expect((await readBlobFile(path, key, expected)).equals(plain)).toBe(true);
  });
});
