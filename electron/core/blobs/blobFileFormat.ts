import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  type CipherGCM,
  type KeyObject,
} from 'node:crypto';

/**
 * The encrypted blob file format. Plaintext never touches the disk: a paper is encrypted in
 * fixed-size chunks as it downloads, so a partial file (`.part`) can be resumed at a chunk
 * boundary after a cut, and a complete file is opened and verified chunk by chunk.
 *
 *   header (64 bytes)
 *     0..3    magic "ECBF"
 *     4       format version (1)
 *     5       log2 of the plaintext chunk size (20 → 1 MiB; tests use smaller chunks)
 *     6..7    reserved, zero
 *     8..23   file salt: 16 random bytes, fresh per file
 *     24..55  SHA-256 of the whole plaintext (the content address from the manifest)
 *     56..63  plaintext size, bytes, uint64 big-endian
 *   chunks i = 0 .. n-1, n = max(1, ceil(size / chunkSize))
 *     ciphertext of plaintext bytes [i*chunkSize, min(size, (i+1)*chunkSize)) ‖ GCM tag (16 bytes)
 *     (an empty plaintext is one empty final chunk: just its tag)
 *
 * Crypto: AES-256-GCM with a per-file key HKDF-SHA256(dataKey, salt = file salt,
 * info = "ecabinet/blob/v1"); chunk i uses IV = 4 zero bytes ‖ uint64 BE i (unique per key);
 * AAD = header ‖ uint32 BE i ‖ final flag (1 on the last chunk). Hence altering any byte,
 * reordering, dropping, duplicating or appending chunks, truncating, or moving a file to another
 * content address makes opening fail; the reader then also checks the SHA-256 of the plaintext.
 */
export const HEADER_BYTES = 64;
export const TAG_BYTES = 16;
export const FORMAT_VERSION = 1;
/** log2 of the production chunk size: 1 MiB of plaintext per chunk. */
export const DEFAULT_CHUNK_SIZE_LOG2 = 20;
export const MIN_CHUNK_SIZE_LOG2 = 4;
export const MAX_CHUNK_SIZE_LOG2 = 24;

const MAGIC = Buffer.from('ECBF', 'ascii');
const SALT_BYTES = 16;
const HKDF_INFO = Buffer.from('ecabinet/blob/v1', 'ascii');

export interface BlobHeader {
  chunkSizeLog2: number;
  salt: Buffer;
  /** Lower-case hex SHA-256 of the plaintext. */
  sha256: string;
  /** Plaintext size, bytes. */
  size: number;
  /** The 64 header bytes as stored (bound into every chunk's AAD). */
  raw: Buffer;
}

/** A stored blob (or its partial download) that failed verification. Never returned to a caller. */
export class BlobIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlobIntegrityError';
  }
}

export function encodeHeader(fields: {
  chunkSizeLog2: number;
  salt: Buffer;
  sha256: string;
  size: number;
}): BlobHeader {
  checkChunkSizeLog2(fields.chunkSizeLog2);
  if (fields.salt.length !== SALT_BYTES) throw new Error('salt must be 16 bytes');
  if (!Number.isSafeInteger(fields.size) || fields.size < 0) throw new Error('invalid size');
  const raw = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(raw, 0);
  raw[4] = FORMAT_VERSION;
  raw[5] = fields.chunkSizeLog2;
  fields.salt.copy(raw, 8);
  Buffer.from(fields.sha256, 'hex').copy(raw, 24);
  raw.writeBigUInt64BE(BigInt(fields.size), 56);
  return { ...fields, raw };
}

/** Parses and checks a header; throws `BlobIntegrityError` on anything unexpected. */
export function parseHeader(bytes: Uint8Array): BlobHeader {
  if (bytes.length < HEADER_BYTES) throw new BlobIntegrityError('blob header truncated');
  const raw = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  if (!raw.subarray(0, 4).equals(MAGIC)) throw new BlobIntegrityError('not a blob file');
  if (raw[4] !== FORMAT_VERSION) throw new BlobIntegrityError('unknown blob format version');
  if (raw[6] !== 0 || raw[7] !== 0) throw new BlobIntegrityError('reserved header bytes set');
  const chunkSizeLog2 = raw[5] ?? 0;
  if (chunkSizeLog2 < MIN_CHUNK_SIZE_LOG2 || chunkSizeLog2 > MAX_CHUNK_SIZE_LOG2)
    throw new BlobIntegrityError('bad chunk size');
  const size = raw.readBigUInt64BE(56);
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw new BlobIntegrityError('bad size');
  return {
    chunkSizeLog2,
    salt: raw.subarray(8, 24),
    sha256: raw.subarray(24, 56).toString('hex'),
    size: Number(size),
    raw,
  };
}

/** Number of chunks for `size` plaintext bytes (at least one). */
export function chunkCount(size: number, chunkSizeLog2: number): number {
  return Math.max(1, Math.ceil(size / 2 ** chunkSizeLog2));
}

/** Plaintext length of chunk `index`, bytes. */
export function plainChunkLength(index: number, size: number, chunkSizeLog2: number): number {
  const chunkSize = 2 ** chunkSizeLog2;
  return Math.max(0, Math.min(chunkSize, size - index * chunkSize));
}

/** Exact size of a complete blob file, bytes. */
export function encryptedFileSize(size: number, chunkSizeLog2: number): number {
  return HEADER_BYTES + size + TAG_BYTES * chunkCount(size, chunkSizeLog2);
}

/** The per-file AES-256 key (a KeyObject: made once per file, not once per chunk). */
export function fileKey(dataKey: Buffer, header: BlobHeader): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', dataKey, header.salt, HKDF_INFO, 32)));
}

function chunkIv(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

function chunkAad(header: BlobHeader, index: number): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = index === chunkCount(header.size, header.chunkSizeLog2) - 1 ? 1 : 0;
  return Buffer.concat([header.raw, tail]);
}

/**
 * The cipher of chunk `index`, for encrypting it piece by piece as the plaintext streams in:
 * feed the chunk's plaintext to `update()`, then `final()`; the stored chunk is the
 * concatenated outputs ‖ `getAuthTag()`.
 */
export function chunkCipher(key: KeyObject, header: BlobHeader, index: number): CipherGCM {
  const cipher = createCipheriv('aes-256-gcm', key, chunkIv(index));
  cipher.setAAD(chunkAad(header, index));
  return cipher;
}

/** Encrypts chunk `index`; returns ciphertext ‖ tag. */
export function encryptChunk(
  key: KeyObject,
  header: BlobHeader,
  index: number,
  plain: Buffer,
): Buffer {
  const cipher = chunkCipher(key, header, index);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts chunk `index` (ciphertext ‖ tag); throws `BlobIntegrityError` when it does not authenticate. */
export function decryptChunk(
  key: KeyObject,
  header: BlobHeader,
  index: number,
  sealed: Buffer,
): Buffer {
  if (sealed.length < TAG_BYTES) throw new BlobIntegrityError(`chunk ${index} truncated`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkIv(index));
    decipher.setAAD(chunkAad(header, index));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new BlobIntegrityError(`chunk ${index} failed authentication`);
  }
}

function checkChunkSizeLog2(value: number): void {
  if (!Number.isInteger(value) || value < MIN_CHUNK_SIZE_LOG2 || value > MAX_CHUNK_SIZE_LOG2)
    throw new Error('invalid chunk size');
}
