import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

/** poppler-utils, as a member's other PDF readers would see an exported file. */
const run = promisify(execFile);

/** `pdfinfo` on the bytes: throws if poppler cannot parse the file; its page count. */
export async function pdfinfoPages(bytes: Uint8Array): Promise<number> {
  return withFile(bytes, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const pages = /^Pages:\s+(\d+)$/m.exec(stdout);
    if (!pages?.[1]) throw new Error(`pdfinfo printed no page count:\n${stdout}`);
    return Number(pages[1]);
  });
}

/** One page rendered by `pdftoppm` at 72 dpi (one pixel per point), annotations included. */
export interface Rendered {
  width: number;
  height: number;
  /** RGBA, row-major from the top-left. */
  data: Buffer;
}

export async function pdftoppmPage(bytes: Uint8Array, pageNumber: number): Promise<Rendered> {
  return withFile(bytes, async (path, dir) => {
    const prefix = join(dir, 'page');
    const n = String(pageNumber);
    await run('pdftoppm', ['-png', '-r', '72', '-f', n, '-l', n, '-singlefile', path, prefix]);
    const png = PNG.sync.read(await readFile(`${prefix}.png`));
    return { width: png.width, height: png.height, data: png.data };
  });
}

/** A rectangle in PDF user space (origin bottom-left, points). */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Compares two renders of the same page inside `rect` (PDF user space of a page `pageHeight`
 * points tall; at 72 dpi one point is one pixel): the share of pixels that differ, and the mean
 * colour of `b` there.
 */
export function compareArea(
  a: Rendered,
  b: Rendered,
  rect: PdfRect,
  pageHeight: number,
): { changed: number; meanB: { r: number; g: number; b: number } } {
  const x0 = Math.max(0, Math.floor(rect.x));
  const x1 = Math.min(a.width, Math.ceil(rect.x + rect.width));
  const y0 = Math.max(0, Math.floor(pageHeight - rect.y - rect.height));
  const y1 = Math.min(a.height, Math.ceil(pageHeight - rect.y));
  let changed = 0;
  let total = 0;
  const sum = { r: 0, g: 0, b: 0 };
  for (let y = y0; y < y1; y += 1)
    for (let x = x0; x < x1; x += 1) {
      const i = (y * a.width + x) * 4;
      const differs =
        Math.abs(a.data[i]! - b.data[i]!) +
          Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
          Math.abs(a.data[i + 2]! - b.data[i + 2]!) >
        24;
      if (differs) changed += 1;
      sum.r += b.data[i]!;
      sum.g += b.data[i + 1]!;
      sum.b += b.data[i + 2]!;
      total += 1;
    }
  if (total === 0) throw new Error('empty comparison area');
  return {
    changed: changed / total,
    meanB: { r: sum.r / total, g: sum.g / total, b: sum.b / total },
  };
}

async function withFile<T>(bytes: Uint8Array, use: (path: string, dir: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), 'ecabinet-e2e-poppler-'));
  try {
    const path = join(dir, 'file.pdf');
    await writeFile(path, bytes);
    return await use(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
