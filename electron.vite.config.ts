import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { pdfjsAssetFileNames } from './renderer/pdf/pdfjsAssetFileNames.ts';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

// electron-vite 6: the three bundles of the desktop app.
// - main: ESM (package.json "type": "module") → out/main/index.js, the package "main".
//   Runtime dependencies stay external (loaded from node_modules inside app.asar).
// - preload: sandboxed preloads cannot load ES modules or node_modules, so it is one
//   self-contained CommonJS file, out/preload/index.cjs (electron itself stays external).
// - renderer: the React UI from renderer/ → out/renderer, served by the app:// handler.
export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: here('./electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: here('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('./renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      // Never inline assets as data: URLs; every resource stays a 'self' file under the CSP.
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { index: here('./renderer/index.html') },
        // pdf.js finds its non-wasm image decoders by fixed file name (see the helper).
        output: { assetFileNames: pdfjsAssetFileNames },
      },
    },
  },
});
