// pdf.js's worker code (legacy build, run in-process under Node) is what decides to skip an
// image; the DOM plays no part.
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PDFJS_DOCUMENT_OPTIONS } from '../../../renderer/pdf/pdfjsDocumentOptions.ts';

/**
 * A page that paints an ordinary 100 × 100 image and one declared as 100,000 × 100,000
 * pixels (10 G px) in 16 bytes. Without `maxImageSize` pdf.js would try to decode both.
 */
async function imageBombPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  for (const [name, side, bytes] of [
    ['Bomb', 100_000, 16],
    ['Photo', 100, 10_000],
  ] as const) {
    const image = doc.context.stream(new Uint8Array(bytes), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
    });
    page.node.setXObject(PDFName.of(name), doc.context.register(image));
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(500, 0, 0, 700, 40, 70),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return doc.save();
}

describe('hostile PDFs: image bomb', () => {
  it('is dropped by the engine under our options (the ordinary image is still drawn)', async () => {
    expect(PDFJS_DOCUMENT_OPTIONS.maxImageSize).toBeLessThanOrEqual(50_000_000);
    expect(PDFJS_DOCUMENT_OPTIONS.canvasMaxAreaInBytes).toBe(64 * 1024 * 1024);
    expect(PDFJS_DOCUMENT_OPTIONS.useWasm).toBe(false);
    expect(PDFJS_DOCUMENT_OPTIONS.enableXfa).toBe(false);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ ...PDFJS_DOCUMENT_OPTIONS, data: await imageBombPdf() });
    try {
      const pdf = await task.promise;
      const page = await pdf.getPage(1);
      const started = Date.now();
      const operators = await page.getOperatorList();
      expect(Date.now() - started).toBeLessThan(5_000);
      const painted = operators.fnArray.filter(
        (fn) => fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject,
      );
      expect(painted).toHaveLength(1);
    } finally {
      await task.destroy();
    }
  }, 30_000);
});
