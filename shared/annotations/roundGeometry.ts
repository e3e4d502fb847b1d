import { PDF_PRECISION_PT, type Annotation } from './annotationTypes.ts';
import type { PdfRect, Point } from './pageGeometry.ts';

/** `value` rounded to 0.01 pt (never -0, so stored JSON is stable). */
export function roundPt(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

export function roundPoint(point: Point): Point {
  return { x: roundPt(point.x), y: roundPt(point.y) };
}

export function roundRect(rect: PdfRect): PdfRect {
  return {
    x: roundPt(rect.x),
    y: roundPt(rect.y),
    width: roundPt(rect.width),
    height: roundPt(rect.height),
  };
}

/** The same annotation with every coordinate (and the ink width) rounded to 0.01 pt. */
export function roundAnnotationGeometry(annotation: Annotation): Annotation {
  switch (annotation.kind) {
    case 'highlight':
    case 'underline':
      return { ...annotation, rects: annotation.rects.map(roundRect) };
    case 'note':
      return { ...annotation, point: roundPoint(annotation.point) };
    case 'ink':
      return {
        ...annotation,
        // Never rounded down to 0: a stroke keeps a visible width.
        width: Math.max(PDF_PRECISION_PT, roundPt(annotation.width)),
        strokes: annotation.strokes.map((stroke) => stroke.map(roundPoint)),
      };
  }
}
