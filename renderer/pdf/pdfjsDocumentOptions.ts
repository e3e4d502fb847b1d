import type * as Pdfjs from 'pdfjs-dist';

type DocumentInitParameters = NonNullable<Parameters<typeof Pdfjs.getDocument>[0]>;

/**
 * How every paper is opened with pdf.js 6 (display API only). Each choice is a security or
 * robustness decision, see security.md "PDFs":
 * - No scripting: pdf.js runs PDF JavaScript only through its viewer's scripting sandbox
 *   (pdf.sandbox + QuickJS), which we never load; the display API has no `enableScripting`.
 *   pdf.js 6 also dropped `isEvalSupported` (PostScript functions are no longer compiled with
 *   `new Function`), so there is no eval to switch off.
 * - `useWasm: false`: pdf.js 6 compiles PostScript functions and decodes JPX/JBIG2/CCITT and ICC
 *   with WebAssembly, which our CSP (no 'wasm-unsafe-eval') forbids; it then uses its JavaScript
 *   paths instead of attempting (and reporting a CSP violation for) every wasm compile. The JS
 *   image decoders are files of their own, found through `wasmUrl` (`pdfjsDecoderUrl`); ICC
 *   profiles have no JS path, so colours fall back to the profile's alternate colour space.
 * - `enableXfa: false`: XFA forms are not rendered.
 * - The whole verified file is passed as `data`: no range requests, streaming or auto-fetch,
 *   so pdf.js never fetches anything by itself.
 * - `maxImageSize`: images above 50 M pixels are skipped (image bombs), not decoded.
 * - `canvasMaxAreaInBytes`: images the worker decodes are scaled down beyond 64 MiB of RGBA
 *   (16.7 M px, the same bound as our page canvases), and pdf.js does not probe the largest
 *   canvas the machine allows (a probe that itself allocates huge canvases).
 * - `disableWorkerRendering`: pages are drawn on the main thread in short slices, so a render
 *   can be cancelled between slices; the renderer worker would need a second worker script.
 * - `verbosity: 0`: errors only, no warnings in the console.
 */
export const PDFJS_DOCUMENT_OPTIONS = {
  useWasm: false,
  enableXfa: false,
  disableRange: true,
  disableStream: true,
  disableAutoFetch: true,
  maxImageSize: 50_000_000,
  canvasMaxAreaInBytes: 67_108_864,
  disableWorkerRendering: true,
  stopAtErrors: false,
  verbosity: 0,
} as const satisfies DocumentInitParameters;
