import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';

export type PdfInspection =
  | { ok: true; pageCount: number }
  | { ok: false; code: 'INVALID_PDF' | 'ENCRYPTED_PDF'; message: string };

/** Bytes read per step of the scan. */
const CHUNK = 1024 * 1024;
/** Bytes carried from one chunk to the next so no pattern is split; longer than any match. */
const CARRY = 256;
/** The `%%EOF` marker must be in the last this many bytes (PDF 32000-1, 7.5.5). */
const EOF_WINDOW = 1024;
/** Caps on the object streams we inflate to find compressed page objects (bytes, count). */
const MAX_OBJSTM_BYTES = 32 * 1024 * 1024;
const MAX_OBJSTM_INFLATED = 64 * 1024 * 1024;
const MAX_OBJSTMS = 10_000;

const PAGE = /\/Type\s{0,16}\/Page(?![A-Za-z0-9])/g;
const OBJSTM = /\/Type\s{0,16}\/ObjStm(?![A-Za-z0-9])/g;
/** `/Encrypt 12 0 R` or `/Encrypt <<` in a trailer or cross-reference stream dictionary. */
const ENCRYPT = /\/Encrypt\s{0,16}(?:\d+\s+\d+\s+R|<<)/;

/**
 * A rough structural check of an uploaded PDF, reading the file in chunks (never whole):
 * `%PDF-` at offset 0, `%%EOF` near the end, no encryption dictionary, and at least one page.
 * Pages are counted as `/Type /Page` objects, in plain text and inside FlateDecode object
 * streams (PDF 1.5+, which pdf-lib writes by default). Incremental updates may make the
 * count an over-estimate; it is for display, not for any rule.
 */
export async function inspectPdf(path: string): Promise<PdfInspection> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = await readAt(file, 0, Math.min(size, 8));
    if (size < 16 || head.toString('latin1', 0, 5) !== '%PDF-') {
      return { ok: false, code: 'INVALID_PDF', message: 'not a PDF: it does not start with %PDF-' };
    }
    const tail = await readAt(file, Math.max(0, size - EOF_WINDOW), Math.min(size, EOF_WINDOW));
    if (!tail.toString('latin1').includes('%%EOF')) {
      return {
        ok: false,
        code: 'INVALID_PDF',
        message: 'the PDF is truncated: no %%EOF at its end',
      };
    }

    const scan = await scanPlainText(file, size);
    if (scan.encrypted) {
      return {
        ok: false,
        code: 'ENCRYPTED_PDF',
        message: 'the PDF is encrypted or password-protected; upload an unprotected copy',
      };
    }
    let pageCount = scan.pages;
    for (const offset of scan.objectStreams)
      pageCount += await countPagesInObjectStream(file, size, offset);
    if (pageCount === 0)
      return { ok: false, code: 'INVALID_PDF', message: 'no pages found in the PDF' };
    return { ok: true, pageCount };
  } finally {
    await file.close();
  }
}

interface PlainScan {
  pages: number;
  encrypted: boolean;
  /** File offsets of `/Type /ObjStm` markers. */
  objectStreams: number[];
}

async function scanPlainText(file: FileHandle, size: number): Promise<PlainScan> {
  const result: PlainScan = { pages: 0, encrypted: false, objectStreams: [] };
  let carry = '';
  let position = 0; // file offset of the first byte after `carry`
  while (position < size) {
    const chunk = await readAt(file, position, Math.min(CHUNK, size - position));
    const text = carry + chunk.toString('latin1');
    const textStart = position - carry.length; // file offset of text[0]
    position += chunk.length;
    const last = position >= size;
    // Count a match only if it starts before the part carried into the next round (the next
    // round sees it whole, with its look-ahead); in the last round, count everything.
    const limit = last ? text.length : text.length - CARRY;
    for (const m of text.matchAll(PAGE)) if (m.index < limit) result.pages += 1;
    for (const m of text.matchAll(OBJSTM)) {
      if (m.index < limit && result.objectStreams.length < MAX_OBJSTMS)
        result.objectStreams.push(textStart + m.index);
    }
    if (ENCRYPT.test(text)) result.encrypted = true;
    carry = last ? '' : text.slice(limit);
  }
  return result;
}

/** Inflates the object stream whose dictionary holds the marker at `offset`; 0 when unreadable. */
async function countPagesInObjectStream(
  file: FileHandle,
  size: number,
  offset: number,
): Promise<number> {
  const windowStart = Math.max(0, offset - 2048);
  const window = (await readAt(file, windowStart, Math.min(size - windowStart, 6144))).toString(
    'latin1',
  );
  const at = offset - windowStart;
  const objMatches = [...window.slice(0, at).matchAll(/\d+\s+\d+\s+obj\b/g)];
  const dictStart = objMatches.at(-1)?.index ?? 0;
  const streamKeyword = /stream\r?\n/.exec(window.slice(at));
  if (streamKeyword === null) return 0;
  const dict = window.slice(dictStart, at + streamKeyword.index);
  const dataStart = windowStart + at + streamKeyword.index + streamKeyword[0].length;

  const filter = /\/Filter\s*\[?\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1];
  if (filter !== undefined && filter !== 'FlateDecode') return 0;
  const directLength = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1];
  let data: Buffer;
  if (directLength !== undefined) {
    const length = Number(directLength);
    if (length > MAX_OBJSTM_BYTES || dataStart + length > size) return 0;
    data = await readAt(file, dataStart, length);
  } else {
    const rest = await readAt(file, dataStart, Math.min(MAX_OBJSTM_BYTES, size - dataStart));
    const end = rest.indexOf('endstream', 0, 'latin1');
    if (end < 0) return 0;
    data = rest.subarray(0, end);
  }
  try {
    const plain =
      filter === undefined ? data : inflateSync(data, { maxOutputLength: MAX_OBJSTM_INFLATED });
    return [...plain.toString('latin1').matchAll(PAGE)].length;
  } catch {
    return 0;
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await file.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}
