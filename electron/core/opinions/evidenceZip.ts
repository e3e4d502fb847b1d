import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, no ZIP64) over node:zlib: each entry deflated
 * (raw DEFLATE, method 8) unless that is not smaller (then stored, method 0), UTF-8 names
 * (general-purpose flag bit 11), one fixed modification time. Opens in Windows Explorer,
 * macOS Archive Utility, `unzip` and every office suite. Limits: < 65,535 entries, < 4 GiB.
 */
export interface ZipEntry {
  /** Forward slashes, relative, no `..` (the caller builds the names). */
  readonly name: string;
  readonly data: Uint8Array;
}

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/** MS-DOS date and time (local fields, 2-second precision), from UTC parts of `at`. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * The fields a local file header and its central directory entry share, in the same order
 * (APPNOTE 4.3.7, 4.3.12), from byte `at`: flags (UTF-8 names), method, time, date, CRC-32,
 * compressed and uncompressed sizes, name length. 26 bytes.
 */
function writeSharedFields(
  header: Buffer,
  at: number,
  f: {
    stored: boolean;
    time: number;
    date: number;
    crc: number;
    size: number;
    rawSize: number;
    name: Buffer;
  },
): void {
  header.writeUInt16LE(0x0800, at); // UTF-8 names
  header.writeUInt16LE(f.stored ? 0 : 8, at + 2);
  header.writeUInt16LE(f.time, at + 4);
  header.writeUInt16LE(f.date, at + 6);
  header.writeUInt32LE(f.crc, at + 8);
  header.writeUInt32LE(f.size, at + 12);
  header.writeUInt32LE(f.rawSize, at + 16);
  header.writeUInt16LE(f.name.length, at + 20);
}

export function writeZip(entries: readonly ZipEntry[], modifiedAt: Date): Uint8Array {
  if (entries.length > MAX_ENTRIES)
    throw new RangeError('too many entries for a ZIP without ZIP64');
  const { time, date } = dosDateTime(modifiedAt);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    if (data.length > MAX_BYTES || offset > MAX_BYTES)
      throw new RangeError('entry too large for a ZIP without ZIP64');

    const shared = { stored, time, date, crc, size: body.length, rawSize: data.length, name };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    writeSharedFields(local, 6, shared);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: UNIX, 2.0
    central.writeUInt16LE(20, 6);
    writeSharedFields(central, 8, shared);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
