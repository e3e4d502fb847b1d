import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../../server/seed/buildDemoData.ts';
import type { DemoPaper } from '../../../server/seed/DemoData.ts';
import { renderPaperPdf } from '../../../server/seed/pdf/renderPaperPdf.ts';

const data = buildDemoData(new Date('2026-10-29T03:00:00Z'));
const papers = data.meetings.flatMap((m) => m.papers);

function paper(fileNameEnd: string): DemoPaper {
  const p = papers.find((x) => x.fileName.endsWith(fileNameEnd));
  if (!p) throw new Error(`no paper ${fileNameEnd}`);
  return p;
}

/** The decree draft: chapters, articles, a preamble, the "DỰ THẢO" box. */
const decree = paper('du-thao-nghi-dinh-dich-vu-cong-truc-tuyen.pdf');
const submission = paper('to-trinh-nghi-dinh-dich-vu-cong-truc-tuyen.pdf');

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('renderPaperPdf', () => {
  let decreeBytes: Uint8Array;
  let dir: string;
  beforeAll(async () => {
    decreeBytes = await renderPaperPdf(decree);
    dir = mkdtempSync(join(tmpdir(), 'ecabinet-paper-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('produces a PDF that pdf-lib reloads, with several A4 pages and the document title', async () => {
    expect(latin1(decreeBytes.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(decreeBytes.subarray(-1024))).toContain('%%EOF');
    const doc = await PDFDocument.load(decreeBytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    expect(doc.getTitle()).toBe(decree.document.title);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('vi-VN');
  });

  it('is deterministic: the same paper gives the same bytes', async () => {
    const again = await renderPaperPdf(decree);
    expect(createHash('sha256').update(again).digest('hex')).toBe(
      createHash('sha256').update(decreeBytes).digest('hex'),
    );
  });

  it('embeds subset fonts with a Unicode map, so pdf.js extracts the Vietnamese text', async () => {
    const task = getDocument({ data: decreeBytes.slice() });
    const doc = await task.promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      text += content.items
        .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : ''))
        .join('');
    }
    await task.destroy();
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(text).toContain('Chương II');
    // A justified body line keeps single real spaces between words.
    expect(text).toContain('Hệ thống thông tin giải quyết thủ tục hành chính');
  });

  it.runIf(hasTool('pdftotext'))('extracts exactly with poppler (pdftotext)', () => {
    const file = join(dir, 'decree.pdf');
    writeFileSync(file, decreeBytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(text).toContain('Trách nhiệm của Bộ Khoa học và Công nghệ');
    expect(text).toContain('Tài liệu mô phỏng phục vụ trình diễn phần mềm eCabinet');
    expect(text.normalize('NFC')).toBe(text);
  });

  it.runIf(hasTool('pdftoppm'))('renders in poppler without errors', async () => {
    const file = join(dir, 'submission.pdf');
    writeFileSync(file, await renderPaperPdf(submission));
    const run = spawnSync(
      'pdftoppm',
      ['-r', '20', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('renders every demo paper as 3 to 6 pages', { timeout: 180_000 }, async () => {
    for (const p of papers) {
      const doc = await PDFDocument.load(await renderPaperPdf(p), { updateMetadata: false });
      expect(doc.getPageCount(), p.fileName).toBeGreaterThanOrEqual(3);
      expect(doc.getPageCount(), p.fileName).toBeLessThanOrEqual(6);
    }
  });
});
