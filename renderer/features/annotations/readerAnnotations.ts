import type { TextQuote } from '../../../shared/annotations/annotationTypes.ts';
import type { PdfRect, Point } from '../../../shared/annotations/pageGeometry.ts';
import type { AnnotationShape } from '../../../shared/domain/annotation.ts';
import type { AnnotationView } from '../../../shared/domain/annotationViews.ts';
import type { AnnotationTool } from './palette.ts';

/** A text annotation of another version placed on this one (a range of a page's text). */
export interface PlacedRange {
  /** The annotation as made on its own version. */
  view: AnnotationView;
  pageIndex: number;
  start: number;
  end: number;
}

/** A range of a page's text measured on the version being read: its rectangles and quote. */
export interface MeasuredRange {
  rects: PdfRect[];
  quote: TextQuote;
}

/** Measures `[start, end)` of page `pageIndex`'s text; null when the page has no such text. */
export type MeasureRange = (
  pageIndex: number,
  start: number,
  end: number,
) => Promise<MeasuredRange | null>;

/** What a tool made on a page, in PDF user space. */
export interface AnnotationDraft {
  pageIndex: number;
  shape: AnnotationShape;
}

/**
 * What the reader needs to show and make annotations. The reader stays host-agnostic
 * (style.md habit 7): it draws what it is given and reports what the member did through these
 * callbacks; the host saves it.
 */
export interface ReaderAnnotations {
  /** Annotations whose geometry belongs to the version being read. */
  views: readonly AnnotationView[];
  placed: readonly PlacedRange[];
  tool: AnnotationTool;
  color: string;
  selectedId: string | null;
  /** A new value scrolls to that page (seq tells two jumps to one page apart). */
  jump: { pageIndex: number; seq: number } | null;
  onSelect: (id: string) => void;
  onDraw: (draft: AnnotationDraft) => void;
  /** The eraser touched my ink annotation `id`: the strokes left (none: delete it). */
  onErase: (id: string, strokes: Point[][]) => void;
  /**
   * Once, when the reader can read its page texts (for re-anchoring older annotations and
   * comparing versions), with a way to measure a re-anchored range (to make it durable).
   */
  onPageTexts: (read: () => Promise<string[]>, measure: MeasureRange) => void;
}
