import { describe, expect, it } from 'vitest';
import {
  meetingHref,
  paperHref,
  sectionOf,
  viewFromHash,
  viewKey,
} from '../../renderer/app/router/views.ts';
import { decodeBase64 } from '../../renderer/features/papers/decodeBase64.ts';
import { groupMeetings } from '../../renderer/features/meetings/groupMeetings.ts';
import { offlineFraction } from '../../renderer/features/meetings/offlineFraction.ts';
import {
  displayedDownload,
  meetingDownloadProgress,
  pruneOverlay,
} from '../../renderer/features/meetings/paperDownloads.ts';
import { formatBytes } from '../../renderer/i18n/formatBytes.ts';
import { formatDay } from '../../renderer/i18n/formatDay.ts';
import { formatPercent } from '../../renderer/i18n/formatPercent.ts';
import { formatTime } from '../../renderer/i18n/formatTime.ts';
import { classifyPdfError, isCancellation } from '../../renderer/pdf/classifyPdfError.ts';
import { PDFJS_DOCUMENT_OPTIONS } from '../../renderer/pdf/pdfjsDocumentOptions.ts';
import type { DownloadProgress } from '../../shared/domain/offline.ts';
import { meetingDetail, summaryOf, uuid } from './fixtures.ts';

const DAY_MS = 86_400_000;

describe('views', () => {
  const m = uuid(1);
  const d = uuid(2);
  it.each([
    ['#/meetings', { name: 'meetings' }],
    [`#/meetings/${m}`, { name: 'meeting', meetingId: m }],
    [`#/meetings/${m}/papers/${d}`, { name: 'paper', documentId: d, meetingId: m }],
    [`#/papers/${d}`, { name: 'paper', documentId: d, meetingId: null }],
    ['#/settings', { name: 'settings' }],
    ['#/meetings/not-a-uuid', { name: 'meetings' }],
    [`#/meetings/${m}/papers/../../x`, { name: 'meeting', meetingId: m }],
    ['#/papers/%3Cb%3E', { name: 'meetings' }],
    ['', { name: 'meetings' }],
  ])('reads %j', (hash, view) => {
    expect(viewFromHash(hash)).toEqual(view);
  });

  it('builds hrefs that read back to the same view, and groups views under a section', () => {
    expect(viewFromHash(meetingHref(m))).toEqual({ name: 'meeting', meetingId: m });
    expect(viewFromHash(paperHref(d, m))).toEqual({ name: 'paper', documentId: d, meetingId: m });
    expect(viewFromHash(paperHref(d, null))).toEqual({
      name: 'paper',
      documentId: d,
      meetingId: null,
    });
    expect(sectionOf({ name: 'paper', documentId: d, meetingId: null })).toBe('meetings');
    expect(sectionOf({ name: 'settings' })).toBe('settings');
    expect(viewKey({ name: 'meeting', meetingId: m })).not.toBe(viewKey({ name: 'meetings' }));
  });
});

describe('groupMeetings', () => {
  it('keeps a meeting upcoming until it ends and sorts each group', () => {
    const now = Date.UTC(2030, 0, 10, 12);
    const running = summaryOf(meetingDetail(1, now - 3_600_000));
    const ended = summaryOf(meetingDetail(2, now - 4 * 3_600_000));
    const next = summaryOf(meetingDetail(3, now + DAY_MS));
    const old = summaryOf(meetingDetail(4, now - 40 * DAY_MS));
    const groups = groupMeetings([old, next, ended, running], now);
    expect(groups.upcoming.map((s) => s.meeting.id)).toEqual([running.meeting.id, next.meeting.id]);
    expect(groups.past.map((s) => s.meeting.id)).toEqual([ended.meeting.id, old.meeting.id]);
  });
});

describe('paper downloads', () => {
  const detail = meetingDetail(1, Date.now());
  const [first, second] = detail.items[0]?.papers ?? [];
  if (!first?.version || !second?.version) throw new Error('fixture');
  const event = (
    state: 'queued' | 'downloading' | 'complete' | 'failed',
    received: number,
  ): DownloadProgress => ({
    meetingId: detail.meeting.id,
    documentId: first.document.id,
    sha256: first.version?.sha256 ?? '',
    download: { state, receivedBytes: received, totalBytes: 2_000_000, error: null },
  });

  it('lays events over the core answer, but never over a cached file', () => {
    const overlay = new Map([[first.document.id, event('downloading', 5)]]);
    expect(displayedDownload(first, overlay).state).toBe('downloading');
    const cached = {
      ...first,
      download: {
        state: 'complete' as const,
        receivedBytes: 2_000_000,
        totalBytes: 2_000_000,
        error: null,
      },
    };
    expect(displayedDownload(cached, overlay).state).toBe('complete');
  });

  it('sums whole-meeting progress by bytes and decides complete like the core', () => {
    const overlay = new Map([[first.document.id, event('complete', 2_000_000)]]);
    expect(meetingDownloadProgress(detail, overlay)).toEqual({
      state: 'partial',
      cachedDocuments: 1,
      totalDocuments: 2,
      receivedBytes: 2_000_000,
      totalBytes: 3_500_000,
      active: 0,
      failed: 0,
    });
    const none = meetingDetail(9, Date.now(), { papers: [] });
    expect(meetingDownloadProgress(none, new Map()).state).toBe('complete');
  });

  it('keeps only in-flight events after a reload', () => {
    const overlay = new Map([
      [first.document.id, event('downloading', 5)],
      [
        second.document.id,
        {
          ...event('complete', 1),
          documentId: second.document.id,
          sha256: second.version?.sha256 ?? '',
        },
      ],
    ]);
    expect([...pruneOverlay(detail, overlay).keys()]).toEqual([first.document.id]);
  });

  it('measures a meeting by bytes, else by papers', () => {
    expect(
      offlineFraction({
        state: 'partial',
        cachedDocuments: 1,
        totalDocuments: 4,
        cachedBytes: 3,
        totalBytes: 4,
      }),
    ).toBe(0.75);
    expect(
      offlineFraction({
        state: 'partial',
        cachedDocuments: 1,
        totalDocuments: 4,
        cachedBytes: 0,
        totalBytes: 0,
      }),
    ).toBe(0.25);
    expect(
      offlineFraction({
        state: 'complete',
        cachedDocuments: 0,
        totalDocuments: 0,
        cachedBytes: 0,
        totalBytes: 0,
      }),
    ).toBe(1);
  });
});

describe('formatting', () => {
  it('formats days, times, sizes and percentages for vi-VN and en-GB', () => {
    const noon = Date.UTC(2026, 10, 21, 12, 0);
    expect(formatDay(noon, 'vi')).toBe('Thứ Bảy, 21/11/2026');
    expect(formatDay(noon, 'en')).toBe('Saturday, 21/11/2026');
    expect(formatTime(noon, 'vi')).toMatch(/^\d\d:\d\d$/);
    expect(formatBytes(850, 'vi')).toBe('850 byte');
    expect(formatBytes(1_250_000, 'vi')).toBe('1,3 MB');
    expect(formatBytes(1_250_000, 'en')).toBe('1.3 MB');
    expect(formatBytes(125_000, 'en')).toBe('125 kB');
    expect(formatPercent(0.996, 'vi')).toBe('99%');
    expect(formatPercent(2, 'en')).toBe('100%');
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
  });
});

describe('pdf helpers', () => {
  it('classifies pdf.js failures by name, never by message', () => {
    expect(classifyPdfError({ name: 'InvalidPDFException', message: 'x' })).toBe('corrupt');
    expect(classifyPdfError({ name: 'PasswordException' })).toBe('encrypted');
    expect(classifyPdfError({ name: 'PdfTimeoutError' })).toBe('timeout');
    expect(classifyPdfError({ name: '__proto__' })).toBe('failed');
    expect(classifyPdfError(new Error('InvalidPDFException'))).toBe('failed');
    expect(classifyPdfError(null)).toBe('failed');
    expect(isCancellation({ name: 'RenderingCancelledException' })).toBe(true);
    expect(isCancellation(new Error('x'))).toBe(false);
  });

  it('opens papers without scripting, XFA, wasm or fetching, with an image-size limit', () => {
    expect(PDFJS_DOCUMENT_OPTIONS).toMatchObject({
      useWasm: false,
      enableXfa: false,
      disableRange: true,
      disableStream: true,
      disableAutoFetch: true,
      disableWorkerRendering: true,
    });
    expect(PDFJS_DOCUMENT_OPTIONS.maxImageSize).toBeGreaterThan(0);
    expect(Object.keys(PDFJS_DOCUMENT_OPTIONS)).not.toContain('url');
  });
});

describe('decodeBase64', () => {
  it('decodes standard base64 and refuses anything else', () => {
    expect(Array.from(decodeBase64('JVBERi0=') ?? [])).toEqual([37, 80, 68, 70, 45]);
    expect(decodeBase64('')?.length).toBe(0);
    expect(decodeBase64('%%%')).toBeNull();
  });
});

describe('pdf.js decoder files', () => {
  it('keeps the decoders under fixed names and hashes everything else', async () => {
    const { pdfjsAssetFileNames } = await import('../../renderer/pdf/pdfjsAssetFileNames.ts');
    expect(pdfjsAssetFileNames({ names: ['openjpeg_nowasm_fallback.js'] })).toBe(
      'pdfjs/[name][extname]',
    );
    expect(pdfjsAssetFileNames({ names: ['jbig2_nowasm_fallback.js'] })).toBe(
      'pdfjs/[name][extname]',
    );
    expect(pdfjsAssetFileNames({ names: ['logo.svg'] })).toBe('assets/[name]-[hash][extname]');
    expect(pdfjsAssetFileNames({})).toBe('assets/[name]-[hash][extname]');
  });

  it('gives pdf.js their folder only when both sit side by side under their own names', async () => {
    const { pdfjsDecoderUrl } = await import('../../renderer/pdf/pdfjsDecoderUrl.ts');
    const base = 'app://ecabinet/index.html';
    expect(
      pdfjsDecoderUrl(base, [
        './pdfjs/openjpeg_nowasm_fallback.js',
        './pdfjs/jbig2_nowasm_fallback.js',
      ]),
    ).toBe('app://ecabinet/pdfjs/');
    expect(
      pdfjsDecoderUrl('http://127.0.0.1:5000/', [
        '/node_modules/pdfjs-dist/wasm/openjpeg_nowasm_fallback.js',
        '/node_modules/pdfjs-dist/wasm/jbig2_nowasm_fallback.js',
      ]),
    ).toBe('http://127.0.0.1:5000/node_modules/pdfjs-dist/wasm/');
    expect(
      pdfjsDecoderUrl(base, [
        './assets/openjpeg_nowasm_fallback-abc.js',
        './assets/jbig2_nowasm_fallback-def.js',
      ]),
    ).toBeNull();
    expect(
      pdfjsDecoderUrl(base, ['./a/openjpeg_nowasm_fallback.js', './b/jbig2_nowasm_fallback.js']),
    ).toBeNull();
    // The module's own defaults (Vite's `?url` in this test run) resolve to pdfjs-dist/wasm/.
    expect(pdfjsDecoderUrl('http://localhost/')).toMatch(/pdfjs-dist\/wasm\/$/);
  });
});
