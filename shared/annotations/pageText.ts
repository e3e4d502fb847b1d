import type { PdfRect } from './pageGeometry.ts';
import { roundRect } from './roundGeometry.ts';

/**
 * One run of text on a page as the PDF engine extracts it (pdf.js `TextItem`), in PDF user
 * space: `transform` maps text space (1 unit = the font size) to user space, so its origin
 * `(e, f)` is the run's baseline start; `width` is its advance along the baseline and `height`
 * its font size, both in user-space units.
 */
export interface TextRun {
  str: string;
  transform: readonly [number, number, number, number, number, number];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** A page's text as one string, plus where each run starts in it. */
export interface PageText {
  readonly text: string;
  /** `runStarts[i]`: index in `text` of run i's first character. */
  readonly runStarts: readonly number[];
  readonly runs: readonly TextRun[];
}

/**
 * The page's text: runs concatenated in content order, a line break after each run that ends
 * a line. This exact string is what quotes are taken from and anchored in, so it must not
 * change between versions of the app without a migration of stored quotes.
 */
export function buildPageText(runs: readonly TextRun[]): PageText {
  let text = '';
  const runStarts: number[] = [];
  for (const run of runs) {
    runStarts.push(text.length);
    text += run.str;
    if (run.hasEOL) text += '\n';
  }
  return { text, runStarts, runs };
}

/** Share of the font size below the baseline and above it that a highlight covers. */
const DESCENT = 0.2;
const ASCENT = 0.8;

/**
 * Rectangles (user space, rounded to 0.01 pt) covering `text[start, end)` of `page`: one per
 * run it touches, characters assumed equally wide within a run (exact enough to highlight a
 * word; the quote, not the rectangles, is what re-anchors). Runs on one line that touch are
 * merged. Rotated runs get their bounding box.
 */
export function rectsForRange(page: PageText, start: number, end: number): PdfRect[] {
  const rects: PdfRect[] = [];
  page.runs.forEach((run, index) => {
    const runStart = page.runStarts[index] ?? 0;
    const runEnd = runStart + run.str.length;
    if (run.str.length === 0 || end <= runStart || start >= runEnd) return;
    const from = (Math.max(start, runStart) - runStart) / run.str.length;
    const to = (Math.min(end, runEnd) - runStart) / run.str.length;
    const [a, b, c, d, e, f] = run.transform;
    const along = Math.hypot(a, b) || 1;
    const fontSize = Math.hypot(c, d) || run.height || 1;
    const dir = { x: a / along, y: b / along };
    const up = { x: c / (Math.hypot(c, d) || 1), y: d / (Math.hypot(c, d) || 1) };
    if (c === 0 && d === 0) {
      up.x = -dir.y;
      up.y = dir.x;
    }
    const corners = [from, to].flatMap((t) => {
      const x = e + dir.x * run.width * t;
      const y = f + dir.y * run.width * t;
      return [
        { x: x - up.x * fontSize * DESCENT, y: y - up.y * fontSize * DESCENT },
        { x: x + up.x * fontSize * ASCENT, y: y + up.y * fontSize * ASCENT },
      ];
    });
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    const rect = {
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
    const last = rects.at(-1);
    if (
      last &&
      Math.abs(last.y - rect.y) < 0.5 &&
      Math.abs(last.height - rect.height) < 0.5 &&
      rect.x >= last.x &&
      rect.x - (last.x + last.width) < 1
    ) {
      last.width = Math.max(last.width, rect.x + rect.width - last.x);
    } else {
      rects.push(rect);
    }
  });
  return rects.map(roundRect);
}
