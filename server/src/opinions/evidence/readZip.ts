import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Reads the ZIP archives the evidence export writes (electron/core/opinions/evidenceZip.ts),
 * and any plain ZIP without ZIP64 or encryption: stored or deflated entries, checked against
 * the CRC-32 and size of the central directory. Defensive: bounded entry count and total size,
 * inflation capped at the declared size (no zip bomb), names that could escape a folder (`..`,
 * absolute, backslashes, NUL) or repeat are refused. Throws ZipError with a message.
 */
export class ZipError extends Error {}

export interface ZipLimits {
  readonly maxEntries: number;
  /** Sum of uncompressed sizes, bytes. */
  readonly maxTotalBytes: number;
}

const DEFAULT_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 1024 * 1024 * 1024 };

export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    !/^[A-Za-z]:/.test(name) &&
    name.split('/').every((part) => part !== '..' && part !== '.')
  );
}

export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_LIMITS,
): Map<string, Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last signature within the final 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a ZIP archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('ZIP64 is not supported');
  if (count > limits.maxEntries) throw new ZipError(`more than ${limits.maxEntries} entries`);
  if (dirOffset + dirSize > eocd) throw new ZipError('central directory out of bounds');

  const files = new Map<string, Uint8Array>();
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50)
      throw new ZipError('bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x1) !== 0) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (name.endsWith('/')) continue; // a directory entry
    if (!isSafeEntryName(name)) throw new ZipError(`unsafe entry name: ${JSON.stringify(name)}`);
    if (files.has(name)) throw new ZipError(`duplicate entry: ${name}`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipError('archive too large');

    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50)
      throw new ZipError(`${name}: bad local header`);
    const start =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (start + compressed > buf.length) throw new ZipError(`${name}: data out of bounds`);
    const body = buf.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) {
      try {
        data = inflateRawSync(body, { maxOutputLength: Math.max(size, 1) });
      } catch (error) {
        throw new ZipError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else throw new ZipError(`${name}: compression method ${method} is not supported`);
    if (data.length !== size) throw new ZipError(`${name}: size differs from the directory`);
    if (crc32(data) !== crc) throw new ZipError(`${name}: CRC-32 mismatch`);
    files.set(name, new Uint8Array(data));
  }
  return files;
}
