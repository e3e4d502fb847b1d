import { describe, expect, it } from 'vitest';
import {
  pdfRectToViewport,
  pdfToViewportPoint,
  type PageGeometry,
} from '../../../shared/annotations/pageGeometry.ts';
import {
  clientPointToPdf,
  quoteForSelection,
  selectionRectsToPdf,
  strokeHit,
  strokeToPdf,
  type PageFrame,
} from '../../../renderer/features/annotations/toolGeometry.ts';

const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
/** Where the page element sits in the window, CSS px. */
const ORIGIN = { x: 40, y: 120 };
const frame = (scale: number, geometry: PageGeometry = A4): PageFrame => ({
  pageOrigin: ORIGIN,
  geometry,
  scale,
});

describe('annotation tools → PDF coordinates', () => {
  it('a selection rect at zoom 1 and 2 gives the same PDF rectangle', () => {
    // The word at PDF (72, 700)–(172, 712): at scale s its viewport box is (72s, (842-712)s).
    for (const scale of [1, 2]) {
      const rect = {
        left: ORIGIN.x + 72 * scale,
        top: ORIGIN.y + (842 - 712) * scale,
        width: 100 * scale,
        height: 12 * scale,
      };
      expect(selectionRectsToPdf([rect, { ...rect, width: 0 }], frame(scale))).toEqual([
        { x: 72, y: 700, width: 100, height: 12 },
      ]);
    }
  });

  it('rotated pages: what is drawn back lands where the pointer was', () => {
    for (const rotation of [90, 180, 270] as const) {
      const geometry: PageGeometry = { view: [0, 0, 595, 842], rotation };
      for (const scale of [1, 2]) {
        const click = { x: ORIGIN.x + 150, y: ORIGIN.y + 90 };
        const pdf = clientPointToPdf(click, frame(scale, geometry));
        const back = pdfToViewportPoint(pdf, geometry, scale);
        expect(back.x + ORIGIN.x).toBeCloseTo(click.x, 1);
        expect(back.y + ORIGIN.y).toBeCloseTo(click.y, 1);
        const rect = { left: ORIGIN.x + 30, top: ORIGIN.y + 50, width: 80, height: 14 };
        const [stored] = selectionRectsToPdf([rect], frame(scale, geometry));
        const drawn = pdfRectToViewport(stored!, geometry, scale);
        expect(drawn.left + ORIGIN.x).toBeCloseTo(rect.left, 1);
        expect(drawn.top + ORIGIN.y).toBeCloseTo(rect.top, 1);
        expect(drawn.width).toBeCloseTo(rect.width, 1);
      }
    }
  });

  it('a 90° page: the top-left of the screen is the PDF origin corner rotated', () => {
    const geometry: PageGeometry = { view: [0, 0, 595, 842], rotation: 90 };
    expect(clientPointToPdf(ORIGIN, frame(1, geometry))).toEqual({ x: 0, y: 0 });
    expect(clientPointToPdf({ x: ORIGIN.x + 842, y: ORIGIN.y }, frame(1, geometry))).toEqual({
      x: 0,
      y: 842,
    });
  });

  it('strokes are rounded to 0.01 pt and lose repeated points; the eraser hits near a segment', () => {
    const points = [
      { x: ORIGIN.x + 10, y: ORIGIN.y + 10 },
      { x: ORIGIN.x + 10.001, y: ORIGIN.y + 10 },
      { x: ORIGIN.x + 30, y: ORIGIN.y + 10 },
    ];
    const stroke = strokeToPdf(points, frame(2));
    expect(stroke).toEqual([
      { x: 5, y: 837 },
      { x: 15, y: 837 },
    ]);
    expect(strokeHit(stroke, { x: 10, y: 840 }, 4)).toBe(true);
    expect(strokeHit(stroke, { x: 10, y: 850 }, 4)).toBe(false);
  });

  it('the quote comes from the page text with context, even across the layer’s line breaks', () => {
    const text = 'Chương I\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định';
    expect(quoteForSelection(text, 'Phạm vi')).toEqual({
      exact: 'Phạm vi',
      prefix: 'Chương I\nĐiều 1. ',
      // 32 characters of context at most.
      suffix: ' điều chỉnh\nNghị định này quy đị',
    });
    expect(quoteForSelection(text, 'điều chỉnh Nghị')?.exact).toBe('điều chỉnh\nNghị');
    expect(quoteForSelection(text, 'không có')).toBeNull();
  });
});
