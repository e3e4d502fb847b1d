/** Bounds on what one document may cost, so a hostile or broken file cannot hang the app. */
export interface PdfLimits {
  /** Longest a document may take to open, ms; then the load is destroyed (worker terminated). */
  loadTimeoutMs: number;
  /** Longest one page may take to render, ms; then the render is cancelled. */
  renderTimeoutMs: number;
  /** Largest canvas a page is drawn into, device pixels (width × height); larger pages are drawn
   * at a lower resolution instead. 16.7 M px ≈ 64 MB of RGBA. */
  maxCanvasPixels: number;
  /** Most pages a document may have for this viewer, to bound placeholders and observers. */
  maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  loadTimeoutMs: 30_000,
  renderTimeoutMs: 20_000,
  maxCanvasPixels: 16_777_216,
  maxPages: 5_000,
};
