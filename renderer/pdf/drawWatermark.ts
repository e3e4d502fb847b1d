/** The parts of a 2D context the watermark uses (a recording fake in tests). */
export type WatermarkContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'translate' | 'rotate' | 'fillText' | 'measureText'
> & {
  font: string;
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  textAlign: CanvasRenderingContext2D['textAlign'];
  textBaseline: CanvasRenderingContext2D['textBaseline'];
};

/** Font size, points of the page; never below a few device pixels. */
const FONT_PT = 11;
const MIN_FONT_PX = 5;
/** Space around each block of lines, in font sizes. */
const GAP_X = 6;
const GAP_Y = 5;
const LINE_HEIGHT = 1.35;
/** Most blocks drawn on one canvas (spacing grows beyond it), to bound the cost. */
const MAX_BLOCKS = 400;
const COLOUR = 'rgba(90, 90, 90, 0.14)';

/**
 * Draws `lines` (e.g. member, unit, date, device) repeated diagonally across a canvas of
 * `width` × `height` device pixels whose page is drawn at `pixelsPerPoint`, semi-transparent,
 * on top of what is there. It is part of the bitmap: a screenshot or a copy of the canvas
 * carries it. The text is drawn with fillText, never parsed as markup.
 */
export function drawWatermark(
  context: WatermarkContext,
  width: number,
  height: number,
  lines: readonly string[],
  pixelsPerPoint: number,
): void {
  const text = lines.filter((line) => line.trim() !== '');
  if (text.length === 0 || width <= 0 || height <= 0) return;
  const fontPx = Math.max(MIN_FONT_PX, FONT_PT * pixelsPerPoint);
  context.save();
  context.font = `${fontPx}px sans-serif`;
  context.fillStyle = COLOUR;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const blockWidth =
    Math.max(...text.map((line) => context.measureText(line).width)) + GAP_X * fontPx;
  const blockHeight = text.length * LINE_HEIGHT * fontPx + GAP_Y * fontPx;
  const diagonal = Math.hypot(width, height);
  // Grow the spacing if the page would need more than MAX_BLOCKS blocks.
  const blocks = (diagonal / blockWidth) * (diagonal / blockHeight);
  const spread = blocks > MAX_BLOCKS ? Math.sqrt(blocks / MAX_BLOCKS) : 1;
  const stepX = blockWidth * spread;
  const stepY = blockHeight * spread;
  context.translate(width / 2, height / 2);
  // Along the page's rising diagonal (bottom-left to top-right).
  context.rotate(-Math.atan2(height, width));
  const half = diagonal / 2;
  let row = 0;
  for (let y = -half; y <= half; y += stepY, row += 1) {
    const shift = row % 2 === 0 ? 0 : stepX / 2;
    for (let x = -half + shift; x <= half; x += stepX) {
      text.forEach((line, index) => {
        context.fillText(line, x, y + (index - (text.length - 1) / 2) * LINE_HEIGHT * fontPx);
      });
    }
  }
  context.restore();
}
