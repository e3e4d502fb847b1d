import jbig2DecoderUrl from 'pdfjs-dist/wasm/jbig2_nowasm_fallback.js?url';
import openjpegDecoderUrl from 'pdfjs-dist/wasm/openjpeg_nowasm_fallback.js?url';
import { PDFJS_DECODER_FILES } from './pdfjsAssetFileNames.ts';

/**
 * The folder URL to give pdf.js as `wasmUrl` so that, with WebAssembly off, it can import its
 * JavaScript decoders for JPX, JBIG2 and CCITT fax images from the app's own origin (CSP
 * script-src 'self'). Null when the build did not keep the decoders' names side by side (a
 * build config without `pdfjsAssetFileNames`): pdf.js then skips those images instead of
 * importing a wrong URL. `base` is the document's URL (`document.baseURI`).
 */
export function pdfjsDecoderUrl(
  base: string,
  urls: readonly string[] = [openjpegDecoderUrl, jbig2DecoderUrl],
): string | null {
  let folder: string | null = null;
  for (const [index, url] of urls.entries()) {
    let absolute: URL;
    try {
      absolute = new URL(url, base);
    } catch {
      return null;
    }
    const expected = PDFJS_DECODER_FILES[index];
    if (expected === undefined || !absolute.pathname.endsWith(`/${expected}`)) return null;
    const here = new URL('./', absolute).href;
    if (folder !== null && folder !== here) return null;
    folder = here;
  }
  return folder;
}
