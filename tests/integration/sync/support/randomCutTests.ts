import { createHash, randomInt, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BLOBS_DIR } from '../../../../electron/core/blobs/BlobCache.ts';
import {
  DEFAULT_CHUNK_SIZE_LOG2,
  HEADER_BYTES,
  TAG_BYTES,
} from '../../../../electron/core/blobs/blobFileFormat.ts';
import type { MeetingDetail } from '../../../../shared/domain/offline.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { ROUTES } from '../../../../shared/protocol/http.ts';
import { eventually, FAST_TUNING, type CoreHarness } from '../../../support/coreHarness.ts';
import { buildPackPdf, type MeetingPackPdf } from '../../../support/meetingPack.ts';
import type { ConnectionStats, TcpProxy } from '../../../support/tcpProxy.ts';
import { http } from '../../server/support/harness.ts';
import { changeStatus, createMeetingWithPaper, uploadPdf } from '../../server/support/meetings.ts';
import type { CoreServerContext } from './coreServerSuite.ts';
import { complete } from './coreServerTests.ts';

/** The production cache chunk: 1 MiB of plaintext per AES-GCM chunk. */
const CHUNK = 2 ** DEFAULT_CHUNK_SIZE_LOG2;
/** Cut-and-restore cycles per run. */
const CYCLES = 24;
/** Generous ceiling for one HTTP response head (status line and headers), bytes. */
const HEAD_MAX = 1024;
/**
 * Two papers: the last chunk of the first is short (12 345 bytes), the second is exactly three
 * chunks. Both sizes have seven digits, so their 200 response heads have the same length.
 */
const PAPER_SIZES = [2 * CHUNK + 12_345, 3 * CHUNK];

/**
 * Where a cut lands, relative to the first response on a blob connection (head of H bytes):
 * - head: inside the HTTP response head (1 … H-1);
 * - boundary: at a chunk boundary of the body, or one byte either side (H + k·CHUNK + δ);
 * - anywhere: uniform over the whole response but its last byte;
 * - end: in the last 256 KiB of the larger paper (its final chunk).
 */
const PLACES = ['head', 'boundary', 'anywhere', 'end'] as const;
type Place = (typeof PLACES)[number];
/**
 * What happens after the cut:
 * - retry: the network is back at once; the downloader's own retry resumes;
 * - hold: blob requests are refused until the download fails; the `.part` is inspected, then
 *   the network returns and `documents:download` resumes it;
 * - restart: as hold, but the app restarts while the network is out (resume from disk).
 */
const MODES = ['retry', 'hold', 'restart'] as const;
type Mode = (typeof MODES)[number];

interface Paper {
  documentId: string;
  pdf: MeetingPackPdf;
}

/** One blob request as the proxy saw it (one per connection: the tests send Connection: close). */
interface Exchange {
  sha256: string;
  /** First plaintext byte asked for (the Range start; 0 without Range). */
  start: number;
  status: number | null;
  /** Bytes of the response head that reached the client (all of them if it was cut inside). */
  headBytes: number;
  /** Body bytes that reached the client. */
  bodyBytes: number;
  /** Bytes that reached the client in all. */
  down: number;
}

/**
 * A paper download cut at random points (seeded: `CUT_SEED=<n>` replays a run): each cycle
 * forgets the cached copies, arms the proxy to cut the first blob connection after N bytes,
 * restarts the app (which tops the meeting kept offline up again), lets it recover and checks
 * what docs/client-core.md promises: the `.part` keeps whole encrypted chunks only, the download
 * resumes at a chunk boundary (`Range`), so a cut costs less than one chunk of re-transferred
 * payload (plus response heads); every paper ends complete and reads back with the manifest's
 * SHA-256; no plaintext, `.part` or stray file is left in the cache.
 */
export function randomCutTests(ctx: () => CoreServerContext): void {
  it('a download cut at random points resumes at chunk boundaries and ends verified', async () => {
    const c = ctx();
    const { server, staff } = c;
    const seed = cutSeed();
    console.log(`${c.name}: a download cut at random points, CUT_SEED=${seed}`);
    const rand = mulberry32(seed);

    // A published meeting with two ~2–3 MiB papers, for a fresh member.
    const account = await server.createAccount('member');
    const fixture = await createMeetingWithPaper(server, staff, {
      participants: [{ userId: account.user.id }],
      publish: false,
    });
    const pdfs = PAPER_SIZES.map((size, i) => buildPackPdf('core-cut', i, size));
    const [first, second] = pdfs;
    if (!first || !second) throw new Error('two papers expected');
    const secondId = randomUUID();
    const created = await http(server, 'POST', ADMIN_ROUTES.documents(fixture.meetingId), {
      token: staff.token,
      json: { id: secondId, agendaItemId: fixture.itemId, title: 'Phụ lục', kind: 'report' },
    });
    expect(created.status).toBe(201);
    // The first paper replaces the fixture's small PDF as version 2.
    for (const [documentId, pdf] of [
      [fixture.documentId, first],
      [secondId, second],
    ] as const) {
      expect((await uploadPdf(server, staff.token, documentId, pdf.bytes, pdf.name)).status).toBe(
        201,
      );
    }
    await changeStatus(server, staff, fixture.meetingId, 'publish');
    const papers: Paper[] = [
      { documentId: fixture.documentId, pdf: first },
      { documentId: secondId, pdf: second },
    ];
    const bySha = new Map(papers.map((p) => [p.pdf.sha256, p]));
    const totalSize = papers.reduce((n, p) => n + p.pdf.size, 0);
    const largest = Math.max(...PAPER_SIZES);

    // Blob requests go through the cutting proxy, one per TCP connection; login and the sync
    // socket go straight to the server, so a cut can only ever hit a paper download. While
    // `holdAfterCut` is set, blob requests after the cut are refused like a dead network.
    const proxy = await c.startProxy();
    let holdAfterCut = false;
    let cutsBefore = 0;
    const blobBase = `${server.url}${ROUTES.blob('')}`;
    const blobFetch: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(blobBase)) return fetch(input, init);
      if (holdAfterCut && proxy.cuts > cutsBefore) {
        const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      const headers = new Headers(init?.headers);
      headers.set('connection', 'close');
      return fetch(proxy.url + url.slice(server.url.length), { ...init, headers });
    };
    const h = c.startCore({
      serverUrl: server.url,
      fetch: blobFetch,
      tuning: { ...FAST_TUNING, blobChunkSizeLog2: DEFAULT_CHUNK_SIZE_LOG2 },
    });
    const blobsDir = join(h.dir, BLOBS_DIR);
    await h.call('session:login', { username: account.user.username, password: account.password });
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
    const manifest = paperViews(await h.call('meetings:get', { meetingId: fixture.meetingId }));
    expect(manifest.map((p) => [p.document.id, p.version?.sha256, p.version?.size]).sort()).toEqual(
      papers.map((p) => [p.documentId, p.pdf.sha256, p.pdf.size]).sort(),
    );

    // Baseline: an uncut download measures the response head (H) of a whole-blob request.
    const baseline = papers.map((p) => h.waitFor('download:progress', complete(p.documentId)));
    expect(await h.call('documents:download', { meetingId: fixture.meetingId })).toEqual({
      queued: 2,
    });
    await Promise.all(baseline);
    const measured = exchanges(proxy, 0, bySha);
    expect(measured.map((e) => [e.status, e.start, e.bodyBytes]).sort()).toEqual(
      papers.map((p) => [200, 0, p.pdf.size]).sort(),
    );
    const headBytes = measured[0]?.headBytes ?? 0;
    expect(measured.every((e) => e.headBytes === headBytes)).toBe(true);
    expect(headBytes).toBeGreaterThan(100);
    expect(headBytes).toBeLessThan(HEAD_MAX);
    await expectCacheComplete(h, papers, 'baseline');

    const seen: { place: Place; mode: Mode; cut: number; resumeAt: number }[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const place = PLACES[cycle % PLACES.length] ?? 'anywhere';
      const mode = MODES[cycle % MODES.length] ?? 'retry';
      const cut = pickCut(place, rand, headBytes, largest, cycle);
      const label = `CUT_SEED=${seed} cycle ${cycle} (${place}, ${mode}, cut after ${cut} bytes)`;

      // Forget the cached copies: the files now, their index rows in the restart's sweep.
      for (const name of readdirSync(blobsDir)) rmSync(join(blobsDir, name));
      const firstConnection = proxy.connections().length;
      cutsBefore = proxy.cuts;
      holdAfterCut = mode !== 'retry';
      proxy.cutAfter(cut);
      const done = Promise.all(
        papers.map((p) => h.waitFor('download:progress', complete(p.documentId), 30_000)),
      );
      done.catch(() => undefined); // awaited below; a failure elsewhere must not leave it unhandled
      await h.restart(); // signed in: the start-up top-up queues both papers at once

      let partChunks: number[] = [];
      if (mode !== 'retry') {
        // Every paper complete or failed: nothing is writing to the cache any more.
        const settled = (): Promise<void> =>
          eventually(async () => {
            const views = paperViews(
              await h.call('meetings:get', { meetingId: fixture.meetingId }),
            );
            return views.every((v) => ['complete', 'failed'].includes(v.download.state));
          }, 20_000);
        await eventually(() => proxy.cuts > cutsBefore, 20_000);
        await settled();
        if (mode === 'restart') {
          await h.restart(); // the network is still out: the new core fails to resume too
          await settled();
        }
        partChunks = inspectParts(blobsDir, papers, label);
        holdAfterCut = false;
        const { queued } = await h.call('documents:download', { meetingId: fixture.meetingId });
        expect(queued, label).toBeGreaterThanOrEqual(1);
      }
      await done;

      // Exactly one cut, on a first request, after exactly `cut` bytes.
      expect(proxy.cuts - cutsBefore, label).toBe(1);
      const cycleExchanges = exchanges(proxy, firstConnection, bySha);
      const cutOnes = cycleExchanges.filter(
        (e) => e.down === cut && e.start + e.bodyBytes < (bySha.get(e.sha256)?.pdf.size ?? 0),
      );
      expect(cutOnes, label).toHaveLength(1);

      // Per paper: every request after an interrupted one resumes at a chunk boundary the
      // client had reached, re-transfers less than a chunk, and the last one completes it.
      let reTransferred = 0;
      let interrupted = 0;
      let resumeAt = -1;
      for (const paper of papers) {
        const mine = cycleExchanges.filter((e) => e.sha256 === paper.pdf.sha256);
        expect(mine.length, label).toBeGreaterThanOrEqual(1);
        expect(mine[0]?.start, label).toBe(0);
        for (let i = 1; i < mine.length; i++) {
          const before = mine[i - 1];
          const next = mine[i];
          if (!before || !next) continue;
          const reached = before.start + before.bodyBytes;
          const detail = `${label}: ${paper.pdf.name} request ${i} asks from ${next.start}, ${reached} reached`;
          expect(next.start % CHUNK, detail).toBe(0);
          expect(next.start, detail).toBeLessThanOrEqual(reached);
          expect(reached - next.start, detail).toBeLessThan(CHUNK);
          // Nothing that arrived is thrown away beyond the partial chunk.
          expect(next.start, detail).toBe(Math.floor(reached / CHUNK) * CHUNK);
          if (before === cutOnes[0]) resumeAt = next.start;
          reTransferred += reached - next.start;
          interrupted += 1;
        }
        const last = mine[mine.length - 1];
        expect(last && last.start + last.bodyBytes, label).toBe(paper.pdf.size);
      }
      expect(interrupted, label).toBeGreaterThanOrEqual(1);
      expect(resumeAt, label).toBeGreaterThanOrEqual(0);
      // The `.part` seen during the outage held exactly the chunks the resume skipped.
      if (mode !== 'retry') expect(partChunks, label).toContain(resumeAt / CHUNK);

      // Bytes on the wire: the papers once, plus less than one chunk per interruption, plus
      // one response head per request.
      const body = cycleExchanges.reduce((n, e) => n + e.bodyBytes, 0);
      const down = cycleExchanges.reduce((n, e) => n + e.down, 0);
      expect(body - totalSize, label).toBe(reTransferred);
      expect(reTransferred, label).toBeLessThan(interrupted * CHUNK);
      for (const e of cycleExchanges) expect(e.headBytes, label).toBeLessThanOrEqual(HEAD_MAX);
      expect(down, label).toBeLessThan(
        totalSize + interrupted * CHUNK + cycleExchanges.length * HEAD_MAX,
      );

      await expectCacheComplete(h, papers, label);
      seen.push({ place, mode, cut, resumeAt });
    }
    console.log(
      `${c.name}: CUT_SEED=${seed}: ${seen.length} cuts ` +
        seen.map((s) => `${s.place}/${s.mode}@${s.cut}→${s.resumeAt}`).join(' '),
    );
  }, 180_000);
}

/** The seed of this run: CUT_SEED from the environment, or a fresh random one. */
function cutSeed(): number {
  const text = process.env['CUT_SEED'];
  if (text === undefined || text === '') return randomInt(2 ** 31);
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`CUT_SEED must be a non-negative integer: ${text}`);
  return seed;
}

/** mulberry32: uniform floats in [0, 1) from a 32-bit seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bytes after which the first blob connection to carry more is cut: 1 … head + largest - 1, so
 * exactly one connection (the larger paper's, at least) is cut.
 */
function pickCut(
  place: Place,
  rand: () => number,
  head: number,
  largest: number,
  cycle: number,
): number {
  const between = (low: number, high: number): number =>
    low + Math.floor(rand() * (high - low + 1));
  const last = head + largest - 1;
  switch (place) {
    case 'head':
      return between(1, head - 1);
    case 'boundary': {
      // k = 0 is the end of the response head. The offset takes turns: on, before, after.
      const k = between(0, Math.ceil(largest / CHUNK) - 1);
      const delta = [0, -1, 1][Math.floor(cycle / PLACES.length) % 3] ?? 0;
      return Math.min(last, Math.max(1, head + k * CHUNK + delta));
    }
    case 'anywhere':
      return between(1, last);
    case 'end':
      return between(last - 256 * 1024, last);
  }
}

function paperViews(detail: MeetingDetail): MeetingDetail['otherPapers'] {
  return [...detail.items.flatMap((i) => i.papers), ...detail.otherPapers];
}

/** The blob requests of connections `from…` (one request per connection), in arrival order. */
function exchanges(proxy: TcpProxy, from: number, bySha: Map<string, Paper>): Exchange[] {
  const upstream = proxy.upstreamText();
  return proxy
    .connections()
    .slice(from)
    .map((c: ConnectionStats, i) => {
      const text = upstream[from + i] ?? '';
      const sha256 = /^GET \/api\/blobs\/([0-9a-f]{64}) HTTP\/1\.1$/.exec(c.requestLine)?.[1];
      if (sha256 === undefined || !bySha.has(sha256))
        throw new Error(`unexpected request through the blob proxy: ${c.requestLine}`);
      const requests = text.match(/^GET /gm) ?? [];
      if (requests.length !== 1)
        throw new Error(`${requests.length} requests on one connection (Connection: close?)`);
      const range = /\r\nrange: bytes=(\d+)-\r\n/i.exec(text);
      const start = range ? Number(range[1]) : 0;
      const end = c.downHead.indexOf('\r\n\r\n');
      const headBytes = end < 0 ? c.down : end + 4;
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(c.downHead);
      if (status?.[1] === '206') {
        const contentRange = /\r\ncontent-range: bytes (\d+)-/i.exec(c.downHead);
        if (Number(contentRange?.[1]) !== start)
          throw new Error(`206 for ${start} answered ${contentRange?.[0] ?? 'no Content-Range'}`);
      } else if (status?.[1] === '200' && start !== 0) {
        throw new Error(`Range ${start} answered with 200`);
      }
      return {
        sha256,
        start,
        status: status ? Number(status[1]) : null,
        headBytes,
        bodyBytes: c.down - headBytes,
        down: c.down,
      };
    });
}

/** Plaintext that must never be found in the cache: the start, middle and end of each paper. */
function plaintextSamples(papers: Paper[]): Buffer[] {
  return papers.flatMap(({ pdf }) =>
    [0, Math.floor(pdf.size / 2), pdf.size - 64].map((at) =>
      Buffer.from(pdf.bytes.subarray(at, at + 64)),
    ),
  );
}

function expectNoPlaintext(bytes: Buffer, papers: Paper[], what: string): void {
  expect(bytes.subarray(0, 4).toString('latin1'), what).toBe('ECBF');
  for (const sample of plaintextSamples(papers))
    expect(bytes.indexOf(sample), `${what}: plaintext found`).toBe(-1);
}

/**
 * The `.part` files during an outage: encrypted, whole chunks only. Returns how many chunks
 * each holds.
 */
function inspectParts(dir: string, papers: Paper[], label: string): number[] {
  const names = readdirSync(dir);
  const parts = names.filter((n) => /^[0-9a-f]{64}\.blob\.part$/.test(n));
  expect(parts.length, `${label}: .part files ${names.join(' ')}`).toBeGreaterThanOrEqual(1);
  expect(
    names.filter((n) => !/^[0-9a-f]{64}\.blob(\.part)?$/.test(n)),
    `${label}: stray files`,
  ).toEqual([]);
  return parts.map((name) => {
    const bytes = readFileSync(join(dir, name));
    expectNoPlaintext(bytes, papers, `${label}: ${name}`);
    const sealed = bytes.length - HEADER_BYTES;
    expect(sealed % (CHUNK + TAG_BYTES), `${label}: ${name} is ${bytes.length} bytes`).toBe(0);
    return sealed / (CHUNK + TAG_BYTES);
  });
}

/**
 * Every paper cached, encrypted and exactly as big as its chunks; nothing else in the cache
 * dir (no `.part`); `documents:read` returns bytes with the manifest's SHA-256.
 */
async function expectCacheComplete(h: CoreHarness, papers: Paper[], label: string): Promise<void> {
  const dir = join(h.dir, BLOBS_DIR);
  const names = readdirSync(dir).sort();
  expect(names, `${label}: cache dir`).toHaveLength(papers.length);
  const sizes = names.map((name) => {
    expect(name, label).toMatch(/^[0-9a-f]{64}\.blob$/);
    const bytes = readFileSync(join(dir, name));
    expectNoPlaintext(bytes, papers, `${label}: ${name}`);
    return bytes.length;
  });
  const byNumber = (a: number, b: number): number => a - b;
  expect(sizes.sort(byNumber), label).toEqual(
    papers
      .map((p) => HEADER_BYTES + p.pdf.size + Math.ceil(p.pdf.size / CHUNK) * TAG_BYTES)
      .sort(byNumber),
  );
  expect(
    readdirSync(h.dir, { recursive: true }).filter((n) => String(n).endsWith('.part')),
    `${label}: .part files left`,
  ).toEqual([]);
  for (const paper of papers) {
    const read = await h.call('documents:read', { documentId: paper.documentId });
    expect(read.sha256, label).toBe(paper.pdf.sha256);
    const bytes = Buffer.from(read.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex'), label).toBe(paper.pdf.sha256);
  }
}
