import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pdfjsAssetFileNames } from './pdf/pdfjsAssetFileNames.ts';

// Stand-alone renderer build for browser mode (`npm run build:web`). electron-vite builds the
// same root into the same outDir for the Electron shell. `base: './'` keeps every asset URL
// relative, so the bundle works under app:// and under the loopback web host alike.
export default defineConfig({
  // Resolved from this file, not the working directory. (`import.meta.dirname` rather than
  // node:url, which the renderer's lint boundary refuses even in this Node-side config.)
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer', // relative to root
    emptyOutDir: true,
    // Never inline assets as data: URLs into CSS/JS; keeps every resource a 'self' file.
    assetsInlineLimit: 0,
    // pdf.js's JS image decoders must keep their file names (see pdfjsAssetFileNames.ts).
    rolldownOptions: { output: { assetFileNames: pdfjsAssetFileNames } },
  },
});
