import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';

/**
 * PDFs for upload tests. Each call makes different bytes (a random title), so each upload is
 * a new blob. pdf-lib writes object streams by default, like the demo papers do.
 */
export async function makePdf(
  pages = 2,
  options: { objectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(randomUUID());
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]);
  return doc.save({ useObjectStreams: options.objectStreams ?? true });
}

/** A small hand-written PDF whose trailer names an encryption dictionary. */
export function encryptedPdf(): Uint8Array {
  const text = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    '4 0 obj << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> endobj',
    'xref',
    '0 5',
    'trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<01> <01>] >>',
    'startxref',
    '0',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(text, 'latin1');
}

/** A PNG signature and some bytes, named .pdf by the uploader. */
export function notAPdf(): Uint8Array {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(200, 7),
  ]);
}

/** A valid PDF cut short: no %%EOF at the end. */
export async function truncatedPdf(): Promise<Uint8Array> {
  const bytes = await makePdf(1);
  return bytes.subarray(0, bytes.length - 40);
}
