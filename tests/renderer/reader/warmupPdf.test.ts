// The reader's warm-up file against real pdf.js (legacy build, in-process): it must parse
// cleanly (no recovery), carry its text and link, and its cross-reference offsets must be exact.
import { describe, expect, it } from 'vitest';
import { PDFJS_DOCUMENT_OPTIONS } from '../../../renderer/pdf/pdfjsDocumentOptions.ts';
import { WARMUP_PAGES, warmupPdf } from '../../../renderer/pdf/warmupPdf.ts';

const latin1 = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

describe('warmupPdf', () => {
  it('is ASCII, and every xref offset points at its object', () => {
    const bytes = warmupPdf();
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const text = latin1(bytes);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)];
    // Catalog, pages, two fonts, a link, then a page and its content per page.
    expect(entries).toHaveLength(5 + 2 * WARMUP_PAGES);
    entries.forEach((entry, index) => {
      const offset = Number(entry[1]);
      expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${index + 1} 0 obj\\n`));
    });
  });

  it('opens in pdf.js, stopping at any error, with its pages, text and link', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({
      ...PDFJS_DOCUMENT_OPTIONS,
      data: warmupPdf(3),
      stopAtErrors: true,
    });
    try {
      const doc = await task.promise;
      expect(doc.numPages).toBe(3);
      const first = await doc.getPage(1);
      const text = (await first.getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ');
      expect(text).toContain('Warm-up page 1');
      expect(text).toContain('Line 30: the engine reads');
      const links = await first.getAnnotations();
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ subtype: 'Link', url: 'https://example.org/warm-up' });
      const last = await doc.getPage(3);
      expect((await last.getOperatorList()).fnArray.length).toBeGreaterThan(30);
      expect(await last.getAnnotations()).toHaveLength(0);
    } finally {
      await task.destroy();
    }
  });

  it('makes at least one page, whatever it is asked for', () => {
    const text = latin1(warmupPdf(0));
    expect(text).toContain('/Count 1 ');
    expect(latin1(warmupPdf(2.7))).toContain('/Count 2 ');
  });
});
