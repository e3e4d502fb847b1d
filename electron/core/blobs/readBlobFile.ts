import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  BlobIntegrityError,
  HEADER_BYTES,
  TAG_BYTES,
  chunkCount,
  decryptChunk,
  encryptedFileSize,
  fileKey,
  parseHeader,
  plainChunkLength,
} from './blobFileFormat.ts';

export interface ExpectedBlob {
  /** Lower-case hex SHA-256 from the manifest (the document version row). */
  sha256: string;
  /** Plaintext size from the manifest, bytes. */
  size: number;
}

/**
 * Opens a complete encrypted blob file and returns its plaintext, only after every chunk
 * authenticated and the SHA-256 of the whole plaintext equals the manifest's. Anything else
 * throws `BlobIntegrityError` (the caller deletes the file and fetches it again). A missing
 * file throws the fs error (ENOENT).
 */
export async function readBlobFile(
  path: string,
  dataKey: Buffer,
  expected: ExpectedBlob,
): Promise<Buffer> {
  const bytes = await readFile(path);
  return openBlobBytes(bytes, dataKey, expected);
}

export function openBlobBytes(bytes: Buffer, dataKey: Buffer, expected: ExpectedBlob): Buffer {
  const header = parseHeader(bytes);
  if (header.sha256 !== expected.sha256 || header.size !== expected.size)
    throw new BlobIntegrityError('blob file is for other content');
  if (bytes.length !== encryptedFileSize(header.size, header.chunkSizeLog2))
    throw new BlobIntegrityError('blob file has the wrong length');
  const key = fileKey(dataKey, header);
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let offset = HEADER_BYTES;
  const n = chunkCount(header.size, header.chunkSizeLog2);
  for (let i = 0; i < n; i++) {
    const length = plainChunkLength(i, header.size, header.chunkSizeLog2) + TAG_BYTES;
    const plain = decryptChunk(key, header, i, bytes.subarray(offset, offset + length));
    hash.update(plain);
    parts.push(plain);
    offset += length;
  }
  if (hash.digest('hex') !== expected.sha256) throw new BlobIntegrityError('SHA-256 mismatch');
  return Buffer.concat(parts, header.size);
}
