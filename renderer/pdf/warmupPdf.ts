/** Pages in the warm-up file: enough text for the parser's loops to reach optimised code. */
export const WARMUP_PAGES = 20;
/** Lines of text on each page (a paper's page has about as many). */
const LINES_PER_PAGE = 30;

/**
 * A small PDF made here, never from outside: `pages` A4 pages of text in the two standard fonts
 * papers use most (Times and Helvetica), a classic cross-reference table, and one https link
 * on page 1. The engine opens it once in a new worker before that worker is given a paper
 * (loadPdfjsDocument), so the parser, the content-stream evaluator and the text extractor run
 * compiled code instead of cold bytecode when the member's paper arrives.
 * Invariant: pure ASCII, so string lengths are byte offsets, and the output parses without
 * recovery (tests/renderer/reader/warmupPdf.test.ts opens it with pdf.js and checks the text).
 */
export function warmupPdf(pages: number = WARMUP_PAGES): Uint8Array {
  const count = Math.max(1, Math.floor(pages));
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const pageId = (index: number): number => 6 + 2 * index;

  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  const kids = Array.from({ length: count }, (_, index) => `${pageId(index)} 0 R`).join(' ');
  add(`<< /Type /Pages /Count ${count} /Kids [${kids}] >>`); // 2
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>'); // 3
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 4
  add(
    '<< /Type /Annot /Subtype /Link /Rect [72 790 300 806] /Border [0 0 0] ' +
      '/A << /S /URI /URI (https://example.org/warm-up) >> >>',
  ); // 5
  for (let index = 0; index < count; index += 1) {
    const annots = index === 0 ? ' /Annots [5 0 R]' : '';
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId(index) + 1} 0 R${annots} >>`,
    );
    const content = pageContent(index + 1);
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }

  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

/** A heading in Helvetica, then lines of Times with some kerning (TJ) and a rule. */
function pageContent(pageNumber: number): string {
  const lines = [`BT /F2 16 Tf 72 770 Td (Warm-up page ${pageNumber}) Tj ET`];
  for (let line = 0; line < LINES_PER_PAGE; line += 1) {
    const y = 730 - line * 20;
    lines.push(
      `BT /F1 11 Tf 72 ${y} Td [(Line ${line + 1}: the engine reads) -250 (this text once, page ${pageNumber}.)] TJ ET`,
    );
  }
  lines.push('0.5 w 72 110 m 523 110 l S');
  return lines.join('\n');
}
