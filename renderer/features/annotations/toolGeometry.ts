import type { TextQuote } from '../../../shared/annotations/annotationTypes.ts';
import { findText } from '../../../shared/annotations/findText.ts';
import {
  viewportRectToPdf,
  viewportToPdfPoint,
  type PageGeometry,
  type PdfRect,
  type Point,
} from '../../../shared/annotations/pageGeometry.ts';
import { roundPoint, roundRect } from '../../../shared/annotations/roundGeometry.ts';
import { makeTextQuote } from '../../../shared/annotations/textQuote.ts';

/**
 * What the annotation tools turn into stored geometry (style.md habit 7): client (CSS pixel)
 * positions on the displayed page → PDF user space, rounded to 0.01 pt, at any zoom and
 * rotation. `pageOrigin` is the page element's top-left in client coordinates
 * (getBoundingClientRect), `scale` CSS pixels per point.
 */
export interface PageFrame {
  pageOrigin: Point;
  geometry: PageGeometry;
  scale: number;
}

export interface ClientRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Client rects thinner than this (CSS px) are caret or line-break artefacts of a selection. */
const MIN_RECT_PX = 1;

/** A selection's client rects (Range.getClientRects) → PDF rectangles on the page. */
export function selectionRectsToPdf(rects: readonly ClientRect[], frame: PageFrame): PdfRect[] {
  return rects
    .filter((r) => r.width >= MIN_RECT_PX && r.height >= MIN_RECT_PX)
    .map((r) =>
      roundRect(
        viewportRectToPdf(
          {
            left: r.left - frame.pageOrigin.x,
            top: r.top - frame.pageOrigin.y,
            width: r.width,
            height: r.height,
          },
          frame.geometry,
          frame.scale,
        ),
      ),
    );
}

/** A client point (pointer event clientX/Y) → a PDF point on the page. */
export function clientPointToPdf(point: Point, frame: PageFrame): Point {
  return roundPoint(
    viewportToPdfPoint(
      { x: point.x - frame.pageOrigin.x, y: point.y - frame.pageOrigin.y },
      frame.geometry,
      frame.scale,
    ),
  );
}

/** A freehand stroke → PDF points, consecutive duplicates (after rounding) dropped. */
export function strokeToPdf(points: readonly Point[], frame: PageFrame): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const q = clientPointToPdf(p, frame);
    const last = out.at(-1);
    if (!last || last.x !== q.x || last.y !== q.y) out.push(q);
  }
  return out;
}

/**
 * The quote for a selection's text on a page: its first occurrence in the page text (white
 * space folded, since the text layer's line breaks differ), with context. null when the
 * selected text is not on the page (e.g. it spans pages).
 */
export function quoteForSelection(pageText: string, selected: string): TextQuote | null {
  if (selected.trim() === '') return null;
  const at = pageText.indexOf(selected);
  if (at >= 0) return makeTextQuote(pageText, at, at + selected.length);
  const [range] = findText(pageText, selected, {}, 1);
  return range ? makeTextQuote(pageText, range.start, range.end) : null;
}

/** Distance from `p` to the segment a–b, in the same units. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** True when the eraser at `p` (PDF point, `radius` points) touches the stroke. */
export function strokeHit(stroke: readonly Point[], p: Point, radius: number): boolean {
  if (stroke.length === 1)
    return stroke[0] !== undefined && Math.hypot(stroke[0].x - p.x, stroke[0].y - p.y) <= radius;
  for (let i = 1; i < stroke.length; i++) {
    const a = stroke[i - 1];
    const b = stroke[i];
    if (a && b && segmentDistance(p, a, b) <= radius) return true;
  }
  return false;
}
