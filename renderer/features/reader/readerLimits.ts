/** Bounds that keep the reader's cost flat whatever the document's length. */
export const READER_LIMITS = {
  /** Page canvases that may exist at once (pool size), whatever the document's length. */
  pageCanvases: 12,
  /** Pages kept drawn: the pool less two spares, so a new zoom can be drawn beside the old. */
  pageWindow: 10,
  /** Thumbnail canvases that may exist at once. */
  thumbnailCanvases: 16,
  /** Renders running at once (pages first, then thumbnails). */
  renderConcurrency: 2,
  /** Find stops listing after this many hits. */
  maxFindHits: 1_000,
  /** Wait after the last keystroke before searching, ms. */
  findDebounceMs: 200,
  /** Wait after the last scroll or zoom before reporting the view state, ms. */
  viewStateDebounceMs: 400,
} as const;
