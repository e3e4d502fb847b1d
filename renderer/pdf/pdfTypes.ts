/**
 * What the viewer needs from a PDF engine. The viewer only sees these interfaces, so it runs
 * (and is tested) without pdf.js; `loadPdfjsDocument` adapts pdf.js to them.
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
}

export interface PdfDocument {
  readonly numPages: number;
  /** 1-based. */
  getPage(pageNumber: number): Promise<PdfPage>;
}

/** An open (or opening) document. `destroy()` ends everything, including a hung parse. */
export interface PdfLoadTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

/**
 * Opens `data` (the whole file). The loader may take ownership of the buffer (pdf.js transfers
 * it to its worker), so callers pass a copy they do not need afterwards.
 */
export type PdfLoader = (data: Uint8Array) => PdfLoadTask;

/** Why a document or a page could not be shown; each has a message at `pdf.error.<kind>`. */
export type PdfErrorKind = 'corrupt' | 'encrypted' | 'timeout' | 'failed';
