import { z } from 'zod';
import type { PdfSize } from '../../pdf/pdfTypes.ts';

/** CSS pixels per PDF point at 100 %: one inch is 72 pt and 96 CSS px, so 100 % is life size. */
export const CSS_PX_PER_PT = 96 / 72;
export const MIN_PERCENT = 50;
export const MAX_PERCENT = 400;
/** Fit modes may go below 50 % on a small window, not below this. */
const MIN_FIT_PERCENT = 10;
/** The zoom in / zoom out steps, percent. */
export const ZOOM_STEPS = [
  50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400,
] as const;
/** The percentages offered in the zoom menu. */
export const ZOOM_PRESETS = [50, 75, 100, 125, 150, 200, 300, 400] as const;

export const zoomModeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fitWidth') }),
  z.strictObject({ kind: z.literal('fitPage') }),
  z.strictObject({
    kind: z.literal('percent'),
    value: z.number().min(MIN_PERCENT).max(MAX_PERCENT),
  }),
]);
export type ZoomMode = z.infer<typeof zoomModeSchema>;

export const FIT_WIDTH: ZoomMode = { kind: 'fitWidth' };
export const FIT_PAGE: ZoomMode = { kind: 'fitPage' };

export function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 100;
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

export function percentZoom(percent: number): ZoomMode {
  return { kind: 'percent', value: Math.round(clampPercent(percent) * 100) / 100 };
}

/**
 * CSS pixels per point for `mode`: fit width makes `page` as wide as `available`, fit page makes
 * all of it visible; both stay within 10–400 %. `available` is the room for one page (the
 * scrolling area less its margins), `page` a page's size at scale 1 (points).
 */
export function resolveScale(mode: ZoomMode, available: PdfSize, page: PdfSize): number {
  const width = Math.max(1, page.width);
  const height = Math.max(1, page.height);
  let scale: number;
  switch (mode.kind) {
    case 'percent':
      return (clampPercent(mode.value) / 100) * CSS_PX_PER_PT;
    case 'fitWidth':
      scale = Math.max(1, available.width) / width;
      break;
    case 'fitPage':
      scale = Math.min(
        Math.max(1, available.width) / width,
        Math.max(1, available.height) / height,
      );
      break;
  }
  const min = (MIN_FIT_PERCENT / 100) * CSS_PX_PER_PT;
  const max = (MAX_PERCENT / 100) * CSS_PX_PER_PT;
  return Math.min(max, Math.max(min, scale));
}

/** The percentage a scale shows as. */
export function scaleToPercent(scale: number): number {
  return (scale / CSS_PX_PER_PT) * 100;
}

/** The next step above the current scale (ctrl +), as a percent zoom. */
export function zoomIn(scale: number): ZoomMode {
  const percent = scaleToPercent(scale);
  return percentZoom(ZOOM_STEPS.find((step) => step > percent + 0.5) ?? MAX_PERCENT);
}

/** The next step below the current scale (ctrl −), as a percent zoom. */
export function zoomOut(scale: number): ZoomMode {
  const percent = scaleToPercent(scale);
  return percentZoom([...ZOOM_STEPS].reverse().find((step) => step < percent - 0.5) ?? MIN_PERCENT);
}

/** Zoom after a ctrl+wheel movement of `deltaPixels` (negative: towards the user, zoom in). */
export function wheelZoom(scale: number, deltaPixels: number): ZoomMode {
  const factor = Math.exp(-Math.max(-300, Math.min(300, deltaPixels)) * 0.002);
  return percentZoom(scaleToPercent(scale) * factor);
}

export function sameZoom(a: ZoomMode, b: ZoomMode): boolean {
  return (
    a.kind === b.kind && (a.kind !== 'percent' || (b.kind === 'percent' && a.value === b.value))
  );
}
