/**
 * Conversions between PDF user space and viewport (CSS or device) pixels, the same affine map
 * pdf.js's `PageViewport` uses, written out so that annotations can be stored in PDF
 * coordinates and drawn at any zoom and rotation without pdf.js. Pure: no DOM.
 *
 * PDF user space: origin at the bottom-left of the page box, y up, units are points (1/72 in)
 * times the page's UserUnit. Viewport: origin at the top-left of the displayed (rotated) page,
 * y down, units are pixels at `scale` pixels per point.
 */

export type PageRotation = 0 | 90 | 180 | 270;

export interface PageGeometry {
  /** The page's visible box in user space, `[x0, y0, x1, y1]` (pdf.js `page.view`). */
  readonly view: readonly [number, number, number, number];
  /** Clockwise rotation the page is shown with (its /Rotate), degrees. */
  readonly rotation: PageRotation;
  /** PDF 1.6 /UserUnit (points per user-space unit); 1 for almost every file. */
  readonly userUnit?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle in PDF user space: `(x, y)` is its lower-left corner, y up. */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle in viewport pixels: `(left, top)` from the displayed page's top-left, y down. */
export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** `[a, b, c, d, e, f]`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** Any angle (degrees, a multiple of 90, possibly negative or above 360) as a `PageRotation`. */
export function normalizeRotation(degrees: number): PageRotation {
  const quarter = Math.round(degrees / 90);
  const turns = ((quarter % 4) + 4) % 4;
  return (turns * 90) as PageRotation;
}

const ROTATE: Record<PageRotation, readonly [number, number, number, number]> = {
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
};

/** The user-space → viewport matrix at `scale` pixels per point (pdf.js PageViewport). */
export function viewportTransform(geometry: PageGeometry, scale: number): Matrix {
  const [x0, y0, x1, y1] = geometry.view;
  const s = scale * (geometry.userUnit ?? 1);
  const centerX = (x0 + x1) / 2;
  const centerY = (y0 + y1) / 2;
  const [a, b, c, d] = ROTATE[geometry.rotation];
  const sideways = a === 0;
  const offsetX = (sideways ? Math.abs(centerY - y0) : Math.abs(centerX - x0)) * s;
  const offsetY = (sideways ? Math.abs(centerX - x0) : Math.abs(centerY - y0)) * s;
  return [
    a * s,
    b * s,
    c * s,
    d * s,
    offsetX - a * s * centerX - c * s * centerY,
    offsetY - b * s * centerX - d * s * centerY,
  ];
}

/** The displayed page's size in pixels at `scale` (rotation applied). */
export function viewportSize(
  geometry: PageGeometry,
  scale: number,
): { width: number; height: number } {
  const [x0, y0, x1, y1] = geometry.view;
  const s = scale * (geometry.userUnit ?? 1);
  const width = Math.abs(x1 - x0) * s;
  const height = Math.abs(y1 - y0) * s;
  return geometry.rotation % 180 === 0 ? { width, height } : { width: height, height: width };
}

function apply(m: Matrix, p: Point): Point {
  return { x: m[0] * p.x + m[2] * p.y + m[4], y: m[1] * p.x + m[3] * p.y + m[5] };
}

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0) throw new RangeError('degenerate page transform (zero scale or empty box)');
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

export function pdfToViewportPoint(point: Point, geometry: PageGeometry, scale: number): Point {
  return apply(viewportTransform(geometry, scale), point);
}

export function viewportToPdfPoint(point: Point, geometry: PageGeometry, scale: number): Point {
  return apply(invert(viewportTransform(geometry, scale)), point);
}

/** The viewport rectangle covering `rect` (axis-aligned at every multiple of 90°). */
export function pdfRectToViewport(
  rect: PdfRect,
  geometry: PageGeometry,
  scale: number,
): ViewportRect {
  const m = viewportTransform(geometry, scale);
  const p = apply(m, { x: rect.x, y: rect.y });
  const q = apply(m, { x: rect.x + rect.width, y: rect.y + rect.height });
  return {
    left: Math.min(p.x, q.x),
    top: Math.min(p.y, q.y),
    width: Math.abs(q.x - p.x),
    height: Math.abs(q.y - p.y),
  };
}

/** The user-space rectangle shown as `rect` (the inverse of `pdfRectToViewport`). */
export function viewportRectToPdf(
  rect: ViewportRect,
  geometry: PageGeometry,
  scale: number,
): PdfRect {
  const m = invert(viewportTransform(geometry, scale));
  const p = apply(m, { x: rect.left, y: rect.top });
  const q = apply(m, { x: rect.left + rect.width, y: rect.top + rect.height });
  return {
    x: Math.min(p.x, q.x),
    y: Math.min(p.y, q.y),
    width: Math.abs(q.x - p.x),
    height: Math.abs(q.y - p.y),
  };
}
