import type { CSSProperties } from 'react';

/**
 * Inline geometry for elements whose size and place are computed (page boxes, highlight and
 * link rectangles). React applies `style` through the CSSOM (`element.style`), which the CSP
 * `style-src 'self'` allows; only style attributes in markup and `<style>` elements are refused.
 */
export type CssVars = CSSProperties & Record<`--${string}`, string | number>;

/** Absolute placement, CSS pixels. */
export function boxStyle(box: {
  left: number;
  top: number;
  width: number;
  height: number;
}): CssVars {
  return { left: box.left, top: box.top, width: box.width, height: box.height };
}
