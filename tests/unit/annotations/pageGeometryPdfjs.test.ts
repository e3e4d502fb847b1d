import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  pdfToViewportPoint,
  viewportSize,
  type PageRotation,
} from '../../../shared/annotations/pageGeometry.ts';

/**
 * Our conversions must agree with what pdf.js draws: the same points through pdf.js's own
 * PageViewport (legacy build, in Node) for every rotation, an offset crop box and a few scales.
 */
describe('page geometry agrees with pdf.js', () => {
  it('maps points exactly as pdf.js PageViewport does', async () => {
    const rotations: PageRotation[] = [0, 90, 180, 270];
    const doc = await PDFDocument.create();
    for (const rotation of rotations) {
      const page = doc.addPage([612, 792]);
      page.setCropBox(36, 18, 540, 756);
      page.setRotation(degrees(rotation));
    }
    const bytes = await doc.save();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: bytes, verbosity: 0 });
    const pdf = await task.promise;
    try {
      for (const [index, rotation] of rotations.entries()) {
        const page = await pdf.getPage(index + 1);
        const view = page.view as [number, number, number, number];
        expect(page.rotate).toBe(rotation);
        for (const scale of [0.75, 1.5, 3]) {
          const viewport = page.getViewport({ scale });
          const geometry = { view, rotation: page.rotate as PageRotation };
          const size = viewportSize(geometry, scale);
          expect(size.width).toBeCloseTo(viewport.width, 9);
          expect(size.height).toBeCloseTo(viewport.height, 9);
          for (const [x, y] of [
            [36, 18],
            [300.5, 400.25],
            [576, 774],
          ] as const) {
            const [vx, vy] = viewport.convertToViewportPoint(x, y) as [number, number];
            const ours = pdfToViewportPoint({ x, y }, geometry, scale);
            expect(ours.x).toBeCloseTo(vx, 9);
            expect(ours.y).toBeCloseTo(vy, 9);
          }
        }
      }
    } finally {
      await task.destroy();
    }
  }, 30_000);
});
