// pdf.js requires this package lazily in Node only (DOMMatrix/Path2D polyfills and its Node
// canvas factory) and already tolerates its absence. Throwing here keeps that path honest:
// nothing in eCabinet may render PDFs to a canvas in Node.
throw new Error('@napi-rs/canvas is not available: eCabinet replaces it with an empty stub (no native addons)');
