import type { PdfSize } from './pdfTypes.ts';

export interface CanvasPlan {
  /** Device pixels per PDF point to render at. */
  scale: number;
  /** The canvas's `width` / `height` attributes, device pixels. */
  width: number;
  height: number;
}

/**
 * How to draw a page whose size at scale 1 is `base` at `cssScale` CSS pixels per point, crisp
 * on a screen with `pixelRatio` device pixels per CSS pixel, within `maxPixels` device pixels
 * (above it: a lower resolution, scaled up by CSS). Invariant: width × height ≤ maxPixels.
 */
export function planScaledCanvas(
  base: PdfSize,
  cssScale: number,
  pixelRatio: number,
  maxPixels: number,
): CanvasPlan {
  const safeBase = { width: Math.max(1, base.width), height: Math.max(1, base.height) };
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  const safeScale = Number.isFinite(cssScale) && cssScale > 0 ? cssScale : 1;
  let scale = safeScale * ratio;
  const area = safeBase.width * safeBase.height * scale * scale;
  if (area > maxPixels) scale *= Math.sqrt(maxPixels / area);
  const width = Math.max(1, Math.floor(safeBase.width * scale));
  const height = Math.max(1, Math.floor(safeBase.height * scale));
  return { scale, width, height };
}
