import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Synthetic meeting packs for benchmarks and tests: `count` valid PDFs whose sizes add up to
 * exactly `totalBytes`, fast (no PDF library; a 300 MB pack takes about a second of CPU) and
 * deterministic from `seed`.
 *
 * Each file is a hand-assembled PDF 1.7: 2-4 pages of (ASCII) text in Helvetica, then a last
 * page showing a grey-scale image XObject of random bytes with no filter, so the file is
 * incompressible, like a scanned annex, and every byte is part of a page a reader may render.
 * Image bytes come from AES-256-CTR keyed by SHA-256(seed, index): deterministic and fast.
 */
export interface MeetingPackOptions {
  count: number;
  /** Sum of all file sizes, bytes; at least `count * MIN_PACK_FILE_BYTES`. */
  totalBytes: number;
  seed: string | number;
}

export interface MeetingPackFile {
  /** e.g. "tai-lieu-007.pdf". */
  name: string;
  /** Bytes. */
  size: number;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string;
  pageCount: number;
}

export interface MeetingPackPdf extends MeetingPackFile {
  bytes: Uint8Array;
}

export interface WrittenMeetingPack {
  dir: string;
  files: (MeetingPackFile & { path: string })[];
  totalBytes: number;
}

/** Smallest file the generator makes, bytes: the text pages plus a small image. */
export const MIN_PACK_FILE_BYTES = 16 * 1024;

/**
 * File sizes of a pack: each at least MIN_PACK_FILE_BYTES, the surplus shared out by seeded
 * weights between 0.4 and 1.6 (so sizes vary like real papers), summing to exactly `totalBytes`.
 */
export function planMeetingPack(options: MeetingPackOptions): number[] {
  const { count, totalBytes } = options;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer: ${count}`);
  if (!Number.isInteger(totalBytes) || totalBytes < count * MIN_PACK_FILE_BYTES) {
    throw new RangeError(
      `totalBytes must be an integer ≥ count × ${MIN_PACK_FILE_BYTES}: ${totalBytes}`,
    );
  }
  const rand = prng(`${options.seed}:sizes`);
  const weights = Array.from({ length: count }, () => 0.4 + 1.2 * rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const surplus = totalBytes - count * MIN_PACK_FILE_BYTES;
  const sizes = weights.map((w) => MIN_PACK_FILE_BYTES + Math.floor((surplus * w) / sum));
  const short = totalBytes - sizes.reduce((a, b) => a + b, 0); // 0 ≤ short < count (rounding)
  sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + short;
  return sizes;
}

/** The pack in memory. Fine for tests; for hundreds of MB prefer `writeMeetingPack`. */
export function makeMeetingPack(options: MeetingPackOptions): {
  files: MeetingPackPdf[];
  totalBytes: number;
} {
  const files = planMeetingPack(options).map((size, i) => buildPackPdf(options.seed, i, size));
  return { files, totalBytes: options.totalBytes };
}

/** Writes the pack to `dir` (default: a new temporary directory), one file at a time. */
export async function writeMeetingPack(
  options: MeetingPackOptions & { dir?: string },
): Promise<WrittenMeetingPack> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'ecabinet-pack-')));
  await mkdir(dir, { recursive: true });
  const files: WrittenMeetingPack['files'] = [];
  const sizes = planMeetingPack(options);
  for (const [i, size] of sizes.entries()) {
    const { bytes, ...meta } = buildPackPdf(options.seed, i, size);
    const path = join(dir, meta.name);
    await writeFile(path, bytes);
    files.push({ ...meta, path });
  }
  return { dir, files, totalBytes: options.totalBytes };
}

/** One PDF of exactly `size` bytes (≥ MIN_PACK_FILE_BYTES), the `index`-th of the pack `seed`. */
export function buildPackPdf(seed: string | number, index: number, size: number): MeetingPackPdf {
  if (!Number.isInteger(size) || size < MIN_PACK_FILE_BYTES)
    throw new RangeError(`size must be an integer ≥ ${MIN_PACK_FILE_BYTES}: ${size}`);
  const rand = prng(`${seed}:${index}:text`);
  const name = `tai-lieu-${String(index + 1).padStart(3, '0')}.pdf`;
  const textPages = Array.from({ length: 2 + Math.floor(rand() * 3) }, (_, p) =>
    pageText(rand, index, p),
  );

  // 1. Find image dimensions and padding such that the assembled file is exactly `size` bytes.
  //    The layout's length depends on the image byte count only through a few digit counts,
  //    so a handful of iterations converge.
  let imageBytes = Math.max(1, size - 8192);
  let padding = 0;
  let layout = assemble(seed, index, textPages, imageBytes, padding);
  for (let round = 0; layout.length !== size; round++) {
    if (round > 20) throw new Error(`meeting pack layout did not converge for size ${size}`);
    const diff = size - layout.length;
    if (diff > 0 && diff < layout.width) padding += diff;
    else {
      // Whole rows only: aim at the current image size plus the difference, rounded down to a
      // row; the remainder (less than a row) becomes padding in the next round.
      imageBytes = Math.max(1, layout.imageLength + diff);
      padding = 0;
    }
    layout = assemble(seed, index, textPages, imageBytes, padding);
  }

  // 2. Materialise: copy the small parts, fill the image with the AES-CTR key stream.
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of layout.parts) {
    if (typeof part === 'string') {
      bytes.set(Buffer.from(part, 'latin1'), at);
      at += Buffer.byteLength(part, 'latin1');
    } else {
      fillRandom(bytes.subarray(at, at + part.imageLength), `${seed}:${index}:image`);
      at += part.imageLength;
    }
  }
  return {
    name,
    size,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pageCount: textPages.length + 1,
    bytes,
  };
}

interface Layout {
  parts: (string | { imageLength: number })[];
  length: number;
  /** Image data, bytes (width × height). */
  imageLength: number;
  /** Image width, pixels: padding below this many bytes cannot be absorbed by the image. */
  width: number;
}

/**
 * The file as parts (strings are Latin-1 PDF syntax; one part is the raw image) with its exact
 * length. Objects: 1 catalog, 2 page tree, 3 font, 4 info, 5 image, then per page a page and a
 * content stream. `padding` newlines after the header absorb the remainder of the image row.
 */
function assemble(
  seed: string | number,
  index: number,
  textPages: string[][],
  imageBytes: number,
  padding: number,
): Layout {
  const width = Math.max(16, Math.floor(Math.sqrt(imageBytes)));
  const height = Math.max(1, Math.floor(imageBytes / width));
  const imageLength = width * height;
  const pageCount = textPages.length + 1;
  const firstPage = 6;
  const pageIds = Array.from({ length: pageCount }, (_, i) => firstPage + 2 * i);
  const objects: (string | { imageLength: number })[][] = [];
  objects.push(['<< /Type /Catalog /Pages 2 0 R >>']);
  objects.push([
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageCount} >>`,
  ]);
  objects.push([
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
  objects.push([
    `<< /Title (Meeting pack ${pdfString(String(seed))} paper ${index + 1}) /Producer (eCabinet meetingPack) >>`,
  ]);
  objects.push([
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${imageLength} >>\nstream\n`,
    { imageLength },
    '\nendstream',
  ]);
  const contents = [...textPages.map(textContent), imageContent(width, height)];
  contents.forEach((content, i) => {
    const resources =
      i === pageCount - 1 ? '<< /XObject << /Im1 5 0 R >> >>' : '<< /Font << /F1 3 0 R >> >>';
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${firstPage + 2 * i + 1} 0 R >>`,
    ]);
    objects.push([
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ]);
  });

  const parts: Layout['parts'] = ['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', '\n'.repeat(padding)];
  let length = parts.reduce<number>((n, p) => n + Buffer.byteLength(p as string, 'latin1'), 0);
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = [`${i + 1} 0 obj\n`, ...body, '\nendobj\n'];
    for (const c of chunk) {
      parts.push(c);
      length += typeof c === 'string' ? Buffer.byteLength(c, 'latin1') : c.imageLength;
    }
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('');
  parts.push(xref);
  length += Buffer.byteLength(xref, 'latin1');
  return { parts, length, imageLength, width };
}

const WORDS = (
  'phien hop chinh phu thuong ky to trinh du thao nghi dinh nghi quyet bao cao tinh hinh kinh te xa hoi ' +
  'giai ngan von dau tu cong chuyen doi so dich vu truc tuyen thu tuc hanh chinh bo nganh dia phuong ' +
  'nhiem vu giai phap trong tam thang toi co quan trinh y kien thanh vien bieu quyet ket luan'
).split(' ');

/** Lines of one text page: a heading and seeded pseudo-sentences (ASCII, no escapes needed). */
function pageText(rand: () => number, index: number, page: number): string[] {
  const lines = [`Tai lieu phien hop so ${index + 1} - trang ${page + 1}`, ''];
  for (let l = 0; l < 36; l++) {
    const words: string[] = [];
    for (let w = 0; w < 10; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'tai');
    lines.push(words.join(' '));
  }
  return lines;
}

function textContent(lines: string[]): string {
  return [
    'BT',
    '/F1 11 Tf',
    '14 TL',
    '56 790 Td',
    ...lines.map((l) => `(${pdfString(l)}) Tj T*`),
    'ET',
  ].join('\n');
}

/** Draws the image in a 483 × 700 pt box, aspect kept. */
function imageContent(width: number, height: number): string {
  const scale = Math.min(483 / width, 700 / height);
  const w = (width * scale).toFixed(2);
  const h = (height * scale).toFixed(2);
  return `q ${w} 0 0 ${h} 56 70 cm /Im1 Do Q`;
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
}

/** Fills `target` with the AES-256-CTR key stream for `label`, 1 MiB at a time. */
function fillRandom(target: Uint8Array, label: string): void {
  const key = createHash('sha256').update(label).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(Math.min(target.length, 1 << 20));
  for (let at = 0; at < target.length; at += zeros.length) {
    const n = Math.min(zeros.length, target.length - at);
    target.set(cipher.update(zeros.subarray(0, n)), at);
  }
}

/** mulberry32 seeded from SHA-256(label): uniform floats in [0, 1). */
function prng(label: string): () => number {
  let state = createHash('sha256').update(label).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
