import type { PageGeometry, PdfRect } from '../../shared/annotations/pageGeometry.ts';
import type { TextRun } from '../../shared/annotations/pageText.ts';

/**
 * What the viewer needs from a PDF engine. The viewer only sees these interfaces, so it runs
 * (and is tested) without pdf.js; `loadPdfjsDocument` adapts pdf.js to them. The optional
 * members are capabilities: without them the reader still shows pages, only without a text
 * layer, find, links or outline.
 */

/** A page's size in CSS pixels at some scale. */
export interface PdfSize {
  width: number;
  height: number;
}

/** A render in progress; `cancel()` makes `promise` reject and frees the engine's work. */
export interface PdfRenderTask {
  readonly promise: Promise<void>;
  cancel(): void;
}

export interface PdfPage {
  /** The page's size at `scale` (1 = one CSS pixel per PDF point), rotation applied. */
  size(scale: number): PdfSize;
  /**
   * Draws the page into `canvas` at `scale` device pixels per PDF point. The caller has already
   * sized the canvas (`width`/`height` attributes) to `size(scale)`, rounded.
   */
  render(canvas: HTMLCanvasElement, scale: number): PdfRenderTask;
  /** Frees the page's cached resources (operator lists, images) in the engine. */
  release(): void;
  /** The page box and rotation, for PDF ↔ screen coordinates (shared/annotations). */
  readonly geometry?: PageGeometry;
  /** The page's text runs in content order, PDF user space (for find and quotes). */
  getTextRuns?(): Promise<TextRun[]>;
  /**
   * Fills `container` with transparent, selectable text laid over the drawn page at
   * `cssScale` CSS pixels per point. The container's CSS sets its size (see reader.css).
   */
  renderTextLayer?(container: HTMLElement, cssScale: number): PdfRenderTask;
  /** The page's link annotations, as written in the file (not vetted: see linkPolicy.ts). */
  getLinks?(): Promise<PdfLink[]>;
}

/** A place in this document: a page (0-based) and the user-space y to show at the top. */
export interface PdfDestination {
  pageIndex: number;
  /** PDF user-space y (up from the bottom of the page box); null: the top of the page. */
  top: number | null;
}

export interface PdfLink {
  /** Where the link is on its page, PDF user space. */
  rect: PdfRect;
  /** The address outside the document exactly as the file gives it; null for none. */
  url: string | null;
  /** A place inside this document; null for none. */
  destination: PdfDestination | null;
}

/** One entry of the document's outline (bookmarks). */
export interface PdfOutlineNode {
  title: string;
  destination: PdfDestination | null;
  /** An address outside the document as the file gives it (not vetted); null for none. */
  url: string | null;
  /** The file asks for the entry to start closed. */
  collapsed: boolean;
  children: PdfOutlineNode[];
}

export interface PdfDocument {
  readonly numPages: number;
  /** 1-based. */
  getPage(pageNumber: number): Promise<PdfPage>;
  /** The outline with destinations resolved to pages; empty when the file has none. */
  getOutline?(): Promise<PdfOutlineNode[]>;
}

/** An open (or opening) document. `destroy()` ends everything, including a hung parse. */
export interface PdfLoadTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

/**
 * Opens `data` (the whole file). The loader may take ownership of the buffer (pdf.js transfers
 * it to its worker), so callers pass a copy they do not need afterwards. `prepare`, where
 * present, starts the engine (code and worker) ahead of the bytes, so a host that is still
 * fetching them overlaps the two; with `ahead` (nobody is opening a paper yet) the engine also
 * warms itself up for the next open. Calling it is optional and idempotent.
 */
export type PdfLoader = ((data: Uint8Array) => PdfLoadTask) & {
  prepare?: (ahead?: boolean) => void;
};

/** Why a document or a page could not be shown; each has a message at `pdf.error.<kind>`. */
export type PdfErrorKind = 'corrupt' | 'encrypted' | 'timeout' | 'failed';
