/**
 * pdf.js 6 loads its JavaScript image decoders (JPX, JBIG2 and CCITT fax, used when WebAssembly
 * is off) from `${wasmUrl}<fixed file name>`, so those two files must keep their names in the
 * build. Every other asset keeps Vite's hashed name. Used as `output.assetFileNames` by the
 * renderer build configs (renderer/vite.config.ts and electron.vite.config.ts); pure, no imports,
 * so build configs and the renderer can share it.
 */
export const PDFJS_DECODER_FILES = [
  'openjpeg_nowasm_fallback.js',
  'jbig2_nowasm_fallback.js',
] as const;

/** The folder (under the build's outDir) the decoders are emitted to. */
export const PDFJS_DECODER_DIR = 'pdfjs';

export function pdfjsAssetFileNames(asset: { names?: readonly string[]; name?: string }): string {
  const name = asset.names?.[0] ?? asset.name ?? '';
  return (PDFJS_DECODER_FILES as readonly string[]).includes(name)
    ? `${PDFJS_DECODER_DIR}/[name][extname]`
    : 'assets/[name]-[hash][extname]';
}
