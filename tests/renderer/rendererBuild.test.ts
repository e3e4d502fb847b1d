// Runs in the jsdom project (where renderer tests live) but only uses Node and Vite APIs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The production renderer build (`npm run build:web`) into a temporary folder: pdf.js's worker
 * must be a file of its own (worker-src 'self'), pdf.js a lazy chunk, its JS image decoders
 * emitted under their fixed names, and nothing may need eval.
 */
describe('renderer build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ecabinet-renderer-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('emits the pdf.js worker and decoders as separate same-origin files', async () => {
    await build({
      configFile: join(import.meta.dirname, '../../renderer/vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
    const assets = readdirSync(join(outDir, 'assets'));
    const worker = assets.find((name) => /^pdf\.worker\.min-[\w-]+\.mjs$/.test(name));
    expect(worker).toBeDefined();
    expect(readdirSync(join(outDir, 'pdfjs')).sort()).toEqual([
      'jbig2_nowasm_fallback.js',
      'openjpeg_nowasm_fallback.js',
    ]);
    const entry = assets.find((name) => /^index-[\w-]+\.js$/.test(name));
    if (!entry || !worker) throw new Error('entry or worker missing');
    const code = readFileSync(join(outDir, 'assets', entry), 'utf8');
    // The worker is referenced by URL (started with new Worker), not inlined or put in a blob.
    expect(code).toContain(worker);
    expect(code).not.toMatch(/new Function\(|\beval\(/);
    // pdf.js itself is not in the entry chunk: it loads when a paper opens.
    expect(code).not.toContain('GlobalWorkerOptions.workerSrc');
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script>(?!<\/script>)|<style>|style="/);
  }, 60_000);
});
