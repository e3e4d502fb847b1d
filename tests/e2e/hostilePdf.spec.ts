import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, serverTest } from './fixtures/app.ts';
import { AnnotationsPage } from './pages/AnnotationsPage.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { MeetingPage } from './pages/MeetingPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { demo } from './support/demoData.ts';
import {
  HTTPS_LINK,
  imageBombPdf,
  javascriptActionsPdf,
  LINK_RECTS,
  linksPdf,
  truncatedPdf,
} from './support/hostilePdfs.ts';
import { uploadPaperVersion } from './support/serverUpload.ts';

// Hostile PDFs reach the reader the normal way (security.md, PDFs): the secretariat publishes
// them as a new version of a demo paper through the server's upload route, a member opens the
// paper. Each must end in an error message or a safely drawn page — no crash, no hang (the
// reader's open and render time limits), no script, no dialog, no request to the canary the
// scripts and links aim at, and only https/mailto links offered (to the shell, which asks).

/** What must never happen while a hostile paper is open. */
interface Watch {
  /** Requests that reached the canary (a script or link ran). */
  canaryHits: string[];
  dialogs: string[];
  popups: number;
  canaryUrl: string;
}

const test = serverTest.extend<{ watch: Watch }>({
  watch: async ({ app }, use) => {
    const canaryHits: string[] = [];
    const canary: Server = createServer((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    const { port } = canary.address() as AddressInfo;
    const watch: Watch = {
      canaryHits,
      dialogs: [],
      popups: 0,
      canaryUrl: `http://127.0.0.1:${port}`,
    };
    const page = app.page;
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.context().on('page', () => (watch.popups += 1));
    await use(watch);
    await new Promise<void>((resolve) => canary.close(() => resolve()));
  },
});

/** Time for pdf.js to open a hostile file and give up on what it refuses (open limit 30 s). */
const OPEN = { timeout: 40_000 };
const SYNC = { timeout: 30_000 };
const meeting = demo.published;

/** Publishes `bytes` as the paper's new version, signs the member in and opens the paper. */
async function openHostile(
  page: Page,
  serverUrl: string,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ reader: AnnotationsPage; documentId: string }> {
  const paper = meeting.papers[0];
  if (!paper) throw new Error('the demo meeting has no paper');
  await uploadPaperVersion(serverUrl, paper.document.id, bytes, fileName);
  const login = new LoginPage(page);
  await expect(login.screen).toBeVisible();
  await login.signIn(demo.member.username, demo.member.password);
  const meetings = new MeetingsPage(page);
  await expect(meetings.card(meeting.meeting.id)).toBeVisible(SYNC);
  await meetings.openMeeting(meeting.meeting.id);
  const detail = new MeetingPage(page);
  await detail.expectReady();
  await detail.openPaper(paper.document.id);
  return { reader: new AnnotationsPage(page), documentId: paper.document.id };
}

/** Nothing ran, nothing opened, and the app still answers: back to the meeting and in again. */
async function expectStillSafe(page: Page, watch: Watch, documentId: string): Promise<void> {
  const marker = await page.evaluate(
    () => (window as { __pdfScriptRan?: unknown }).__pdfScriptRan ?? null,
  );
  expect(marker).toBeNull();
  expect(watch.dialogs).toEqual([]);
  expect(watch.canaryHits).toEqual([]);
  expect(watch.popups).toBe(0);
  await page.getByTestId('back-to-meeting').click();
  const detail = new MeetingPage(page);
  await detail.expectReady();
  await detail.openPaper(documentId);
  await expect(page.getByTestId('paper-view')).toHaveAttribute('data-state', 'ready');
}

/** Clicks page 1 at a point given in PDF user space (A4, origin bottom-left). */
async function clickPdfPoint(reader: AnnotationsPage, x: number, y: number): Promise<void> {
  await reader.pdfPage(1).scrollIntoViewIfNeeded();
  const box = await reader.pdfPage(1).boundingBox();
  if (!box) throw new Error('page 1 has no box');
  const scale = box.width / 595;
  await reader.page.mouse.click(box.x + x * scale, box.y + (842 - y) * scale);
}

test.describe('hostile PDFs', () => {
  test('JavaScript in /OpenAction, /Names, /AA and a link action never runs; the page is drawn', async ({
    app,
    server,
    watch,
  }) => {
    test.setTimeout(120_000);
    const bytes = await javascriptActionsPdf(watch.canaryUrl);
    const { reader, documentId } = await openHostile(app.page, server.url, bytes, 'js.pdf');
    await expect(reader.pdfPage(1)).toHaveAttribute('data-rendered', 'true', OPEN);
    await expect(reader.textLayer(1)).toContainText('JavaScript actions');
    // The link whose action is a script is not offered; clicking where it is does nothing.
    await expect(reader.pdfPage(1).getByTestId('reader-link')).toHaveCount(0);
    const urlBefore = app.page.url();
    await clickPdfPoint(reader, 180, 620);
    expect(app.page.url()).toBe(urlBefore);
    await expectStillSafe(app.page, watch, documentId);
  });

  test('javascript:, file: and launch links are inert; only the https link is offered', async ({
    app,
    server,
    watch,
  }) => {
    test.setTimeout(120_000);
    const bytes = await linksPdf(watch.canaryUrl);
    const { reader, documentId } = await openHostile(app.page, server.url, bytes, 'links.pdf');
    await expect(reader.pdfPage(1)).toHaveAttribute('data-rendered', 'true', OPEN);
    const links = reader.pdfPage(1).getByTestId('reader-link');
    await expect(links).toHaveCount(1);
    await expect(links).toHaveAttribute('data-kind', 'external');
    await expect(links).toHaveAttribute('title', HTTPS_LINK);
    const urlBefore = app.page.url();
    for (const [x0, y0, x1, y1] of [LINK_RECTS.javascript, LINK_RECTS.file, LINK_RECTS.launch])
      await clickPdfPoint(reader, (x0 + x1) / 2, (y0 + y1) / 2);
    expect(app.page.url()).toBe(urlBefore);
    await expectStillSafe(app.page, watch, documentId);
  });

  test('a truncated file shows an error or what could be read, and the app carries on', async ({
    app,
    server,
    watch,
  }) => {
    test.setTimeout(120_000);
    const { reader, documentId } = await openHostile(
      app.page,
      server.url,
      await truncatedPdf(),
      'truncated.pdf',
    );
    const drawn = reader.pdfPage(1).and(app.page.locator('[data-rendered="true"]'));
    const outcome = reader.pdfError
      .or(drawn)
      .or(app.page.getByTestId('pdf-page-error'))
      .first();
    await expect(outcome).toBeVisible(OPEN);
    if (await reader.pdfError.isVisible())
      await expect(reader.pdfError).toHaveAttribute('data-kind', /^(corrupt|failed)$/);
    await expectStillSafe(app.page, watch, documentId);
  });

  test('an image bomb (900 M pixels, ~1000:1 Flate) is refused or drawn within the limits', async ({
    app,
    server,
    watch,
  }) => {
    test.setTimeout(150_000);
    const { reader, documentId } = await openHostile(
      app.page,
      server.url,
      await imageBombPdf(),
      'bomb.pdf',
    );
    const drawn = reader.pdfPage(1).and(app.page.locator('[data-rendered="true"]'));
    await expect(drawn.or(app.page.getByTestId('pdf-page-error')).first()).toBeVisible(OPEN);
    // The page's own text is still there to read: the bomb cost the page its image only.
    await expect(reader.textLayer(1)).toContainText('Image bomb', OPEN);
    await expectStillSafe(app.page, watch, documentId);
  });
});
