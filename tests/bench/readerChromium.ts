/**
 * `reader.first_page` and `reader.scroll` in Debian's Chromium (/usr/bin/chromium) through
 * Playwright's library API, against the real app in browser mode: the demo server (seeded), the
 * web host serving the built renderer (out/renderer, rebuilt first), a member signed in through
 * the UI. A generated 1,000-page PDF is published as a paper's new version through the server's
 * upload route, so it reaches the reader the normal way (core cache, bridge, reader).
 *
 * - first_page: from the click on the paper's link to page 1 drawn (`data-rendered="true"`),
 *   timed inside the page; baseline: bare pdf.js (getDocument with the app's options + render
 *   page 1 to a canvas at the same device-pixel size, fresh worker) on the same bytes, in another
 *   tab of the same browser, runs interleaved; medians of RUNS. The reader's time also includes
 *   fetching the verified bytes from the core over the bridge. The reader opens papers on the
 *   spare pdf.js worker it warmed up in the background (renderer/pdf/pdfjsEngine.ts), while a
 *   bare getDocument starts a cold worker; so the line also gives `warm_baseline_ms` (bare
 *   pdf.js on a worker warmed the same way) and `ratio_vs_warm`: the reader's own cost.
 * - scroll: the reader's column scrolled from the first page to the last, one page height per
 *   animation frame. Live canvases: every canvas the page created (DOM or pool) that holds a
 *   bitmap, sampled each frame; heap: CDP Runtime.getHeapUsage after a forced GC before and
 *   after (the page's JS heap; pdf.js's worker heap is another isolate); frame times from
 *   requestAnimationFrame.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type * as Pdfjs from 'pdfjs-dist';
import { createLogger as hostLogger } from '../../electron/core/log/logger.ts';
import { startWebHost } from '../../electron/webhost/startWebHost.ts';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { PDFJS_DOCUMENT_OPTIONS } from '../../renderer/pdf/pdfjsDocumentOptions.ts';
import { warmupPdf } from '../../renderer/pdf/warmupPdf.ts';
import { repoRoot } from '../../scripts/lib/projectNode.mjs';
import { buildRenderer } from '../../scripts/lib/rendererBuild.mjs';
import { createLogger } from '../../server/src/log.ts';
import { startServer } from '../../server/src/startServer.ts';
import { demo } from '../e2e/support/demoData.ts';
import { uploadPaperVersion } from '../e2e/support/serverUpload.ts';

const PAGES = 1000;
const RUNS = 5;
const MB = 1024 * 1024;
const log = (line: string): void => void process.stderr.write(`[reader bench] ${line}\n`);

/** A 1,000-page A4 paper with a heading and 30 lines of text on every page (standard font). */
async function thousandPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 1; p <= PAGES; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Page ${p} of ${PAGES}`, { x: 72, y: 770, size: 18, font });
    for (let l = 0; l < 30; l += 1)
      page.drawText(`Line ${l + 1}: the Government considers the report on page ${p}, item ${l}.`, {
        x: 72,
        y: 730 - l * 20,
        size: 11,
        font,
      });
  }
  return doc.save();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Serves pdf.js's own build, the PDF and the reader's warm-up file (renderer/pdf/warmupPdf.ts)
 * for the baseline tab (same origin, module worker).
 */
async function baselineServer(pdf: Uint8Array): Promise<{ url: string; close(): Promise<void> }> {
  const build = join(repoRoot, 'node_modules', 'pdfjs-dist', 'build');
  const files: Record<string, { type: string; body: Buffer | Uint8Array | string }> = {
    '/': { type: 'text/html', body: '<!doctype html><title>pdf.js baseline</title><body></body>' },
    '/pdf.min.mjs': { type: 'text/javascript', body: await readFile(join(build, 'pdf.min.mjs')) },
    '/pdf.worker.min.mjs': {
      type: 'text/javascript',
      body: await readFile(join(build, 'pdf.worker.min.mjs')),
    },
    '/bench.pdf': { type: 'application/pdf', body: pdf },
    '/warmup.pdf': { type: 'application/pdf', body: warmupPdf() },
  };
  const server: Server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every canvas the page creates, so canvases held by a pool (off the DOM) are counted too. */
const TRACK_CANVASES = `(() => {
  const made = [];
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (name, options) {
    const el = create.call(this, name, options);
    if (String(name).toLowerCase() === 'canvas') made.push(el);
    return el;
  };
  window.__benchCanvases = made;
})();`;

async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-username').fill(demo.member.username);
  await page.getByTestId('login-password').fill(demo.member.password);
  await page.getByTestId('login-submit').click();
  const card = page.locator(
    `[data-testid="meeting-card"][data-meeting-id="${demo.published.meeting.id}"]`,
  );
  await card.waitFor({ timeout: 60_000 });
  await card.getByTestId('meeting-link').click();
  await page.locator('[data-testid="meeting-detail"][data-state="ready"]').waitFor();
}

/** Clicks the paper's link and resolves with the ms until page 1 is drawn (timed in the page). */
function openPaperTimed(page: Page, documentId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const link = document.querySelector<HTMLElement>(
          `[data-testid="paper-link"][data-document-id="${id}"]`,
        );
        if (!link) return reject(new Error('no paper link'));
        const drawn = () =>
          document.querySelector('[data-testid="pdf-page-1"][data-rendered="true"]') !== null;
        const start = performance.now();
        const giveUp = setTimeout(() => {
          observer.disconnect();
          const state = (testId: string) =>
            document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-state') ??
            'absent';
          reject(
            new Error(
              `page 1 not drawn after 120 s: paper-view ${state('paper-view')}, reader ${state('reader')}, ` +
                `paper-error ${document.querySelector('[data-testid="paper-error"]')?.getAttribute('data-code') ?? 'none'}, ` +
                `pdf-error ${document.querySelector('[data-testid="pdf-error"]')?.getAttribute('data-kind') ?? 'none'}`,
            ),
          );
        }, 120_000);
        const observer = new MutationObserver(() => {
          if (!drawn()) return;
          observer.disconnect();
          clearTimeout(giveUp);
          resolve(performance.now() - start);
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-rendered'],
        });
        link.click();
      }),
    documentId,
  );
}

async function backToMeeting(page: Page): Promise<void> {
  await page.getByTestId('back-to-meeting').click();
  await page.locator('[data-testid="meeting-detail"][data-state="ready"]').waitFor();
}

/**
 * Bare pdf.js in the baseline tab: ms to open the bytes and draw page 1 at `scale`. Cold: as
 * getDocument does by itself, with a new worker (the baseline). Warm: on a worker that
 * first went through the reader's warm-up (warmPdfjsEngine's steps over the same file, not
 * timed), which is how the reader opens a paper; the gap to it is the reader's own cost.
 */
function baselineTimed(page: Page, scale: number, warm: boolean): Promise<number> {
  return page.evaluate(
    async ({ scale, options, warm }) => {
      // A URL of the baseline server, resolved by the page (not by Node or TypeScript).
      const moduleUrl: string = '/pdf.min.mjs';
      const pdfjs = (await import(moduleUrl)) as typeof Pdfjs;
      pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';
      const bytes = new Uint8Array(await (await fetch('/bench.pdf')).arrayBuffer());
      let worker: Pdfjs.PDFWorker | undefined;
      if (warm) {
        const port = new Worker('/pdf.worker.min.mjs', { type: 'module' });
        worker = pdfjs.PDFWorker.create({ port, verbosity: options.verbosity });
        const data = new Uint8Array(await (await fetch('/warmup.pdf')).arrayBuffer());
        const warmup = pdfjs.getDocument({ ...options, data, worker });
        const doc = await warmup.promise;
        for (const n of new Set([1, doc.numPages])) {
          const p = await doc.getPage(n);
          await Promise.all([p.getOperatorList(), p.getTextContent(), p.getAnnotations()]);
        }
        await warmup.destroy();
      }
      const start = performance.now();
      const task = pdfjs.getDocument({ ...options, data: bytes, ...(worker ? { worker } : {}) });
      const doc = await task.promise;
      const page = await doc.getPage(1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      document.body.replaceChildren(canvas);
      await page.render({ canvas, viewport }).promise;
      const ms = performance.now() - start;
      await task.destroy();
      worker?.destroy();
      return ms;
    },
    { scale, options: PDFJS_DOCUMENT_OPTIONS, warm },
  );
}

interface ScrollResult {
  maxLive: number;
  created: number;
  frames: number[];
}

/** Scrolls the reader's column to the end, one page height per frame, sampling each frame. */
function scrollToEnd(page: Page): Promise<ScrollResult> {
  return page.evaluate(
    () =>
      new Promise<ScrollResult>((resolve) => {
        const column = document.querySelector<HTMLElement>('[data-testid="reader-viewport"]');
        const first = document.querySelector<HTMLElement>('[data-testid="pdf-page-1"]');
        if (!column || !first) throw new Error('no reader');
        const made = (window as unknown as { __benchCanvases: HTMLCanvasElement[] })
          .__benchCanvases;
        const live = () => made.filter((c) => c.width > 0 && c.height > 0).length;
        const step = first.getBoundingClientRect().height;
        const frames: number[] = [];
        let maxLive = live();
        let last = performance.now();
        column.scrollTop = 0;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          maxLive = Math.max(maxLive, live());
          const end = column.scrollHeight - column.clientHeight;
          if (column.scrollTop >= end - 1) {
            resolve({ maxLive, created: made.length, frames });
            return;
          }
          column.scrollTop = Math.min(end, column.scrollTop + step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

export async function benchReaderInChromium(wanted: {
  firstPage: boolean;
  scroll: boolean;
}): Promise<object[]> {
  log('building the renderer (out/renderer)');
  if (!buildRenderer(repoRoot)) throw new Error('renderer build failed');
  const serverDir = await mkdtemp(join(tmpdir(), 'ecabinet-bench-reader-server-'));
  const hostDir = await mkdtemp(join(tmpdir(), 'ecabinet-bench-reader-host-'));
  const cleanup: (() => Promise<unknown>)[] = [
    () => rm(serverDir, { recursive: true, force: true }),
    () => rm(hostDir, { recursive: true, force: true }),
  ];
  let browser: Browser | null = null;
  try {
    log('starting the demo server (seeding takes a while)');
    const server = await startServer({
      port: 0,
      dataDir: serverDir,
      seedDemo: true,
      logger: createLogger('bench-server', 'warn'),
    });
    cleanup.unshift(() => server.close());
    const paper = demo.published.papers[0];
    if (!paper) throw new Error('the demo meeting has no paper');
    const documentId = paper.document.id;
    const pdf = await thousandPagePdf();
    log(`publishing a ${PAGES}-page PDF (${round(pdf.length / MB, 2)} MB)`);
    await uploadPaperVersion(server.url, documentId, pdf, 'bench-1000-pages.pdf');
    const host = await startWebHost({
      dataDir: hostDir,
      rendererDir: join(repoRoot, 'out', 'renderer'),
      port: 0,
      log: hostLogger('bench-host', () => {}),
      version: '0.0.0-bench',
      defaultServerUrl: server.url,
    });
    cleanup.unshift(() => host.close());
    const baseline = await baselineServer(pdf);
    cleanup.unshift(() => baseline.close());

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    await context.addInitScript(TRACK_CANVASES);
    const app = await context.newPage();
    await app.goto(host.url);
    await signIn(app);
    log('first open (downloads the paper into the core cache)');
    await openPaperTimed(app, documentId);
    const scale = await app.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page-1"] canvas');
      return canvas ? canvas.width / 595 : 1;
    });
    await backToMeeting(app);
    const bare = await context.newPage();
    await bare.goto(baseline.url);
    await baselineTimed(bare, scale, false); // module and worker script cached, like the app's

    const lines: object[] = [];
    if (wanted.firstPage) {
      const reader: number[] = [];
      const base: number[] = [];
      const warmBase: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        // Each tab is timed in front: a background tab's frames and timers are throttled.
        await app.bringToFront();
        reader.push(await openPaperTimed(app, documentId));
        await backToMeeting(app);
        await bare.bringToFront();
        base.push(await baselineTimed(bare, scale, false));
        warmBase.push(await baselineTimed(bare, scale, true));
        log(
          `run ${i + 1}: reader ${round(reader[i] ?? 0)} ms, pdf.js ${round(base[i] ?? 0)} ms, ` +
            `pdf.js on a warmed worker ${round(warmBase[i] ?? 0)} ms`,
        );
      }
      const ms = median(reader);
      const baselineMs = median(base);
      const warmBaselineMs = median(warmBase);
      lines.push({
        scenario: 'reader.first_page',
        pages: PAGES,
        ms: round(ms),
        baseline_ms: round(baselineMs),
        ratio: round(ms / baselineMs, 2),
        warm_baseline_ms: round(warmBaselineMs),
        ratio_vs_warm: round(ms / warmBaselineMs, 2),
        runs: RUNS,
        device_px_per_pt: round(scale, 3),
        measured_from: 'click on the paper link (bytes from the core over the bridge)',
        engine: 'reader: its warmed spare worker; baseline: a new worker per open',
      });
    }
    await bare.close();

    if (wanted.scroll) {
      await app.bringToFront();
      await openPaperTimed(app, documentId);
      const cdp = await context.newCDPSession(app);
      const heap = async (): Promise<number> => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      const before = await heap();
      const result = await scrollToEnd(app);
      await app
        .locator(`[data-testid="pdf-page-${PAGES}"][data-rendered="true"]`)
        .waitFor({ timeout: 60_000 });
      const after = await heap();
      const frames = [...result.frames].sort((a, b) => a - b);
      lines.push({
        scenario: 'reader.scroll',
        pages: PAGES,
        max_live_canvases: result.maxLive,
        heap_growth_mb: round((after - before) / MB),
        p95_frame_ms: round(frames[Math.floor(frames.length * 0.95)] ?? 0),
        frames: frames.length,
        canvases_created: result.created,
      });
    }
    return lines;
  } finally {
    if (browser) await browser.close();
    for (const step of cleanup) await step().catch(() => {});
  }
}
