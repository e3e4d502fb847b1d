import { createHash, randomBytes, type CipherGCM, type Hash, type KeyObject } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import {
  BlobIntegrityError,
  DEFAULT_CHUNK_SIZE_LOG2,
  HEADER_BYTES,
  TAG_BYTES,
  chunkCipher,
  chunkCount,
  decryptChunk,
  encodeHeader,
  fileKey,
  parseHeader,
  plainChunkLength,
  type BlobHeader,
} from './blobFileFormat.ts';
import type { ExpectedBlob } from './readBlobFile.ts';

/** The plaintext ended before the expected size: keep the `.part` and resume later. */
export class BlobIncompleteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlobIncompleteError';
  }
}

/**
 * Writes one blob download into `<final>.part`, encrypting chunk by chunk (format in
 * blobFileFormat.ts), and renames it to its final path once the whole plaintext has arrived and
 * its SHA-256 matches. Invariants:
 * - only whole encrypted chunks are kept: a partial chunk lives in memory (as ciphertext) and is
 *   lost on a cut;
 * - each piece of plaintext is encrypted and hashed as it arrives and never copied or kept:
 *   the download path makes no copy of the plaintext (it is the hot path of a first sync);
 * - `plainOffset` is where the download must resume (`Range: bytes=<plainOffset>-`);
 * - on resume the kept chunks are decrypted (in memory) to rebuild the running SHA-256, and a
 *   chunk that does not authenticate is cut off with everything after it.
 */
export class BlobFileWriter {
  private readonly handle: FileHandle;
  private readonly header: BlobHeader;
  private readonly key: KeyObject;
  private hash: Hash;
  private readonly partPath: string;
  private readonly finalPath: string;
  private readonly chunks: number;
  private chunkIndex: number;
  private fileOffset: number;
  /** The cipher of the chunk being received (null until its first byte). */
  private cipher: CipherGCM | null = null;
  /** Ciphertext of the chunk being received, in order. */
  private sealed: Buffer[] = [];
  /** Plaintext bytes of the chunk being received. */
  private pendingBytes = 0;
  /** Plaintext bytes safely on disk, bytes. */
  private stored: number;

  private constructor(init: {
    handle: FileHandle;
    header: BlobHeader;
    key: KeyObject;
    hash: Hash;
    partPath: string;
    finalPath: string;
    chunkIndex: number;
    fileOffset: number;
    stored: number;
  }) {
    this.handle = init.handle;
    this.header = init.header;
    this.key = init.key;
    this.hash = init.hash;
    this.partPath = init.partPath;
    this.finalPath = init.finalPath;
    this.chunkIndex = init.chunkIndex;
    this.fileOffset = init.fileOffset;
    this.stored = init.stored;
    this.chunks = chunkCount(init.header.size, init.header.chunkSizeLog2);
  }

  /** Opens (resuming when a usable `.part` exists) or creates the partial file for `finalPath`. */
  static async open(
    finalPath: string,
    dataKey: Buffer,
    expected: ExpectedBlob,
    chunkSizeLog2 = DEFAULT_CHUNK_SIZE_LOG2,
  ): Promise<BlobFileWriter> {
    const partPath = `${finalPath}.part`;
    const resumed = await BlobFileWriter.tryResume(partPath, finalPath, dataKey, expected);
    if (resumed) return resumed;
    const header = encodeHeader({
      chunkSizeLog2,
      salt: randomBytes(16),
      sha256: expected.sha256,
      size: expected.size,
    });
    const handle = await open(partPath, 'w+', 0o600);
    await handle.write(header.raw, 0, HEADER_BYTES, 0);
    return new BlobFileWriter({
      handle,
      header,
      key: fileKey(dataKey, header),
      hash: createHash('sha256'),
      partPath,
      finalPath,
      chunkIndex: 0,
      fileOffset: HEADER_BYTES,
      stored: 0,
    });
  }

  private static async tryResume(
    partPath: string,
    finalPath: string,
    dataKey: Buffer,
    expected: ExpectedBlob,
  ): Promise<BlobFileWriter | null> {
    let handle: FileHandle;
    try {
      handle = await open(partPath, 'r+');
    } catch {
      return null;
    }
    try {
      const { size: fileSize } = await handle.stat();
      const head = Buffer.alloc(HEADER_BYTES);
      await handle.read(head, 0, HEADER_BYTES, 0);
      const header = parseHeader(head);
      if (header.sha256 !== expected.sha256 || header.size !== expected.size)
        throw new BlobIntegrityError('partial file is for other content');
      const key = fileKey(dataKey, header);
      const hash = createHash('sha256');
      const n = chunkCount(header.size, header.chunkSizeLog2);
      let offset = HEADER_BYTES;
      let stored = 0;
      let index = 0;
      for (; index < n; index++) {
        const plainLength = plainChunkLength(index, header.size, header.chunkSizeLog2);
        const length = plainLength + TAG_BYTES;
        if (offset + length > fileSize) break;
        const sealed = Buffer.alloc(length);
        await handle.read(sealed, 0, length, offset);
        let plain: Buffer;
        try {
          plain = decryptChunk(key, header, index, sealed);
        } catch {
          break; // a torn or altered chunk: keep what precedes it, refetch from here
        }
        hash.update(plain);
        stored += plainLength;
        offset += length;
      }
      await handle.truncate(offset);
      return new BlobFileWriter({
        handle,
        header,
        key,
        hash,
        partPath,
        finalPath,
        chunkIndex: index,
        fileOffset: offset,
        stored,
      });
    } catch {
      await handle.close();
      await rm(partPath, { force: true });
      return null;
    }
  }

  /** Where the download resumes: plaintext bytes already stored. */
  get plainOffset(): number {
    return this.stored;
  }

  /** Plaintext bytes received so far, including the chunk still in memory. */
  get received(): number {
    return this.stored + this.pendingBytes;
  }

  get complete(): boolean {
    return this.chunkIndex >= this.chunks;
  }

  /** Throws away everything stored and starts again at byte 0 (the server ignored our Range). */
  async restart(): Promise<void> {
    await this.handle.truncate(HEADER_BYTES);
    this.hash = createHash('sha256');
    this.chunkIndex = 0;
    this.fileOffset = HEADER_BYTES;
    this.stored = 0;
    this.cipher = null;
    this.sealed = [];
    this.pendingBytes = 0;
  }

  /**
   * Appends plaintext bytes: encrypted and hashed at once (`data` is not kept, the caller may
   * reuse it); each chunk is written when it is whole.
   */
  async write(data: Uint8Array): Promise<void> {
    if (this.received + data.length > this.header.size)
      throw new BlobIntegrityError('more bytes than the manifest size');
    let offset = 0;
    while (offset < data.length) {
      const need = plainChunkLength(this.chunkIndex, this.header.size, this.header.chunkSizeLog2);
      const take = Math.min(need - this.pendingBytes, data.length - offset);
      const piece = data.subarray(offset, offset + take);
      this.cipher ??= chunkCipher(this.key, this.header, this.chunkIndex);
      this.sealed.push(this.cipher.update(piece));
      this.hash.update(piece);
      this.pendingBytes += take;
      offset += take;
      if (this.pendingBytes === need) await this.flushChunk();
    }
  }

  /**
   * Completes the file: flushes the last chunk, checks the size and SHA-256, makes the data
   * durable (fsync) and renames `.part` to the final path. Throws `BlobIncompleteError` when
   * bytes are missing (the `.part` stays for a resume) and `BlobIntegrityError` on a hash
   * mismatch (the `.part` is deleted).
   */
  async finish(): Promise<void> {
    const last = this.chunks - 1;
    // Only an empty blob gets here with its (empty) last chunk unwritten: write() flushes
    // every chunk the moment it is whole.
    if (
      this.chunkIndex === last &&
      this.pendingBytes === plainChunkLength(last, this.header.size, this.header.chunkSizeLog2)
    )
      await this.flushChunk();
    if (!this.complete) {
      await this.close();
      throw new BlobIncompleteError(`have ${this.received} of ${this.header.size} bytes`);
    }
    if (this.hash.digest('hex') !== this.header.sha256) {
      await this.discard();
      throw new BlobIntegrityError('SHA-256 mismatch');
    }
    await this.handle.sync();
    await this.handle.close();
    await rename(this.partPath, this.finalPath);
  }

  /** Closes the file and keeps the `.part` (whole chunks only) for a later resume. */
  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }

  /** Closes and deletes the `.part`. */
  async discard(): Promise<void> {
    await this.close();
    await rm(this.partPath, { force: true });
  }

  /** Seals the chunk being received (its plaintext all encrypted) and writes it in one go. */
  private async flushChunk(): Promise<void> {
    const cipher = this.cipher ?? chunkCipher(this.key, this.header, this.chunkIndex);
    const parts = [...this.sealed, cipher.final(), cipher.getAuthTag()];
    const length = this.pendingBytes + TAG_BYTES;
    const { bytesWritten } = await this.handle.writev(parts, this.fileOffset);
    if (bytesWritten !== length) throw new Error(`short write: ${bytesWritten} of ${length} bytes`);
    this.fileOffset += length;
    this.stored += this.pendingBytes;
    this.chunkIndex++;
    this.cipher = null;
    this.sealed = [];
    this.pendingBytes = 0;
  }
}
