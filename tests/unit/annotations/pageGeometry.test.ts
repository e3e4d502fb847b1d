import { describe, expect, it } from 'vitest';
import {
  normalizeRotation,
  pdfRectToViewport,
  pdfToViewportPoint,
  viewportRectToPdf,
  viewportSize,
  viewportToPdfPoint,
  type PageGeometry,
  type PageRotation,
} from '../../../shared/annotations/pageGeometry.ts';

const ROTATIONS: PageRotation[] = [0, 90, 180, 270];
const A4: PageGeometry['view'] = [0, 0, 595, 842];
/** A crop box that does not start at the origin. */
const OFFSET: PageGeometry['view'] = [36, 18, 631, 860];

describe('page geometry', () => {
  it('puts the top-left of an unrotated page at the viewport origin, y down', () => {
    const g: PageGeometry = { view: A4, rotation: 0 };
    expect(pdfToViewportPoint({ x: 0, y: 842 }, g, 1)).toEqual({ x: 0, y: 0 });
    expect(pdfToViewportPoint({ x: 595, y: 0 }, g, 2)).toEqual({ x: 1190, y: 1684 });
    expect(pdfToViewportPoint({ x: 36, y: 860 }, { view: OFFSET, rotation: 0 }, 1)).toEqual({
      x: 0,
      y: 0,
    });
  });

  it('turns the page clockwise for /Rotate 90, 180 and 270', () => {
    // The page's top-left corner goes to the viewport's top-right, bottom-right, bottom-left.
    const topLeft = { x: 0, y: 842 };
    const at = (rotation: PageRotation) => pdfToViewportPoint(topLeft, { view: A4, rotation }, 1);
    expect(at(90)).toEqual({ x: 842, y: 0 });
    expect(at(180)).toEqual({ x: 595, y: 842 });
    expect(at(270)).toEqual({ x: 0, y: 595 });
    expect(viewportSize({ view: A4, rotation: 90 }, 2)).toEqual({ width: 1684, height: 1190 });
    expect(viewportSize({ view: A4, rotation: 180 }, 1)).toEqual({ width: 595, height: 842 });
  });

  it.each(ROTATIONS)(
    'round-trips points and rectangles at rotation %i and any zoom',
    (rotation) => {
      for (const view of [A4, OFFSET]) {
        for (const scale of [0.5, 1, 1.3333, 2.75, 4]) {
          const g: PageGeometry = { view, rotation };
          for (const p of [
            { x: 100.25, y: 700.5 },
            { x: view[0], y: view[1] },
            { x: 590.01, y: 20.99 },
          ]) {
            const back = viewportToPdfPoint(pdfToViewportPoint(p, g, scale), g, scale);
            expect(back.x).toBeCloseTo(p.x, 9);
            expect(back.y).toBeCloseTo(p.y, 9);
          }
          const rect = { x: 72.5, y: 600.25, width: 200.75, height: 14.5 };
          const shown = pdfRectToViewport(rect, g, scale);
          expect(shown.width).toBeGreaterThan(0);
          const back = viewportRectToPdf(shown, g, scale);
          for (const key of ['x', 'y', 'width', 'height'] as const)
            expect(back[key]).toBeCloseTo(rect[key], 9);
          // The rectangle stays inside the displayed page.
          const size = viewportSize(g, scale);
          expect(shown.left).toBeGreaterThanOrEqual(-1e-9);
          expect(shown.top + shown.height).toBeLessThanOrEqual(size.height + 1e-9);
        }
      }
    },
  );

  it('swaps a rectangle’s width and height on a sideways page', () => {
    const rect = { x: 100, y: 100, width: 50, height: 10 };
    expect(pdfRectToViewport(rect, { view: A4, rotation: 90 }, 2)).toEqual({
      left: 200,
      top: 200,
      width: 20,
      height: 100,
    });
  });

  it('applies /UserUnit', () => {
    const g: PageGeometry = { view: [0, 0, 100, 100], rotation: 0, userUnit: 2 };
    expect(viewportSize(g, 1)).toEqual({ width: 200, height: 200 });
    expect(pdfToViewportPoint({ x: 50, y: 50 }, g, 1)).toEqual({ x: 100, y: 100 });
  });

  it('normalises any multiple of 90 degrees', () => {
    expect(normalizeRotation(-90)).toBe(270);
    expect(normalizeRotation(450)).toBe(90);
    expect(normalizeRotation(720)).toBe(0);
    expect(normalizeRotation(-180)).toBe(180);
  });
});
