import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../../server/src/pdf/inspectPdf.ts';
import {
  encryptedPdf,
  makePdf,
  notAPdf,
  truncatedPdf,
} from '../../integration/server/support/pdfs.ts';

describe('inspectPdf', () => {
  let dir: string;
  let n = 0;
  const inspect = async (bytes: Uint8Array) => {
    n += 1;
    const path = join(dir, `${n}.pdf`);
    await writeFile(path, bytes);
    return inspectPdf(path);
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecabinet-pdf-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts pages in plain objects and inside object streams', async () => {
    expect(await inspect(await makePdf(3, { objectStreams: false }))).toEqual({
      ok: true,
      pageCount: 3,
    });
    expect(await inspect(await makePdf(5, { objectStreams: true }))).toEqual({
      ok: true,
      pageCount: 5,
    });
  });

  it('refuses what is not a PDF, a truncated PDF and a PDF without pages', async () => {
    expect(await inspect(notAPdf())).toMatchObject({ ok: false, code: 'INVALID_PDF' });
    expect(await inspect(Buffer.from(''))).toMatchObject({ ok: false, code: 'INVALID_PDF' });
    expect(await inspect(await truncatedPdf())).toMatchObject({
      ok: false,
      code: 'INVALID_PDF',
      message: expect.stringContaining('%%EOF') as unknown,
    });
    expect(
      await inspect(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')),
    ).toMatchObject({ ok: false, code: 'INVALID_PDF' });
    // `%PDF-` must be the first bytes, not merely somewhere near the start.
    const prefixed = Buffer.concat([Buffer.from('MZ garbage '), Buffer.from(await makePdf(1))]);
    expect(await inspect(prefixed)).toMatchObject({ ok: false, code: 'INVALID_PDF' });
  });

  it('refuses an encrypted PDF with its own code', async () => {
    expect(await inspect(encryptedPdf())).toMatchObject({ ok: false, code: 'ENCRYPTED_PDF' });
  });

  it('counts a marker split across the 1 MiB read boundary exactly once, and does not take /Pages for a page', async () => {
    const MiB = 1024 * 1024;
    const head = '%PDF-1.4\n';
    const marker = '3 0 obj << /Type /Page >> endobj\n';
    const splitAt = MiB - head.length - 8; // the marker starts 8 bytes before the boundary
    const body =
      head +
      ' '.repeat(splitAt) +
      marker +
      '2 0 obj << /Type /Pages /Count 1 >> endobj\n' +
      ' '.repeat(MiB) +
      '4 0 obj << /Type /Page >> endobj\n%%EOF\n';
    expect(await inspect(Buffer.from(body, 'latin1'))).toEqual({ ok: true, pageCount: 2 });
  });
});
