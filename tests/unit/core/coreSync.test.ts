import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOBS_DIR } from '../../../electron/core/blobs/BlobCache.ts';
import { fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';
import type { DownloadProgress } from '../../../shared/domain/offline.ts';
import { startFakeSyncServer, type FakeSyncServer } from '../../support/fakeSyncServer.ts';
import { eventually, FAST_TUNING, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { ChangeLog, makeMeeting, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

let server: FakeSyncServer;
let h: CoreHarness;
const alice = makeUser({ username: 'alice' });

beforeEach(async () => {
  server = await startFakeSyncServer();
  server.addUser(alice, 'alice-pw');
  h = startCore({ serverUrl: server.url, tuning: { ...FAST_TUNING, blobChunkSizeLog2: 12 } });
});
afterEach(async () => {
  await h.dispose();
  await server.close();
});

const blobFiles = (): string[] => readdirSync(join(h.dir, BLOBS_DIR));
const complete = (documentId: string) => (p: DownloadProgress) =>
  p.documentId === documentId && p.download.state === 'complete';

async function signIn(): Promise<void> {
  await h.call('session:login', { username: 'alice', password: 'alice-pw' });
}

/** A published meeting with papers whose bytes the server holds. */
function publishMeeting(log: ChangeLog, papers: Buffer[]) {
  const b = meetingBundle(log, alice, papers);
  for (const p of papers) server.addBlob(p);
  server.publish(b.changes);
  return b;
}

describe('down-sync', () => {
  it('initial sync brings a meeting with its items, papers and participants', async () => {
    const log = new ChangeLog();
    const b = publishMeeting(log, [Buffer.from('%PDF a'), Buffer.from('%PDF b')]);
    await signIn();
    const applied = await h.waitFor('sync:applied');
    expect(applied.cursor).toBe(log.last);
    const online = await h.waitFor(
      'connection:state',
      (s) => s.state === 'online' && s.lastSyncedAt !== null,
    );
    expect(online.lastSyncedAt).toBeGreaterThan(0);

    const [summary] = (await h.call('meetings:list', {})).meetings;
    expect(summary).toMatchObject({
      meeting: b.meeting,
      itemCount: 1,
      documentCount: 2,
      offline: { state: 'none', totalDocuments: 2, totalBytes: 12 },
    });
    const detail = await h.call('meetings:get', { meetingId: b.meeting.id });
    expect(detail.items).toHaveLength(1);
    expect(detail.items[0]?.papers.map((p) => p.document.id)).toEqual([b.documents[0]?.id]);
    expect(detail.otherPapers.map((p) => p.version?.sha256)).toEqual([b.versions[1]?.sha256]);
    expect(detail.participants).toEqual([{ participant: b.participant, user: alice }]);
    expect(await h.failCode('meetings:get', { meetingId: makeMeeting().id })).toBe('NOT_FOUND');
  });

  it('pages through a long log with pulls of at most 500', async () => {
    const log = new ChangeLog();
    const meetings = Array.from({ length: 1200 }, () => makeMeeting());
    server.publish(meetings.map((m) => log.upsert('meeting', m)));
    await signIn();
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1200);
    expect(server.pulls.map((p) => [p.since, p.limit])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 500],
    ]);
  });

  it('a news hint leads to a pull; a burst of hints is coalesced', async () => {
    const log = new ChangeLog();
    await signIn();
    await h.waitFor('connection:state', (s) => s.state === 'online');
    await eventually(() => server.pulls.length === 1);
    const m = makeMeeting();
    const next = log.last + 1;
    const applied = h.waitFor('sync:applied', (e) => e.cursor === next);
    server.publish([log.upsert('meeting', m)]);
    await applied;
    expect((await h.call('meetings:list', {})).meetings.map((s) => s.meeting.id)).toEqual([m.id]);

    server.knobs.pullDelayMs = 100;
    const before = server.pulls.length;
    for (let i = 0; i < 20; i++) server.publish([log.upsert('meeting', makeMeeting())]);
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 21);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.pulls.length - before).toBeLessThanOrEqual(3);
  });

  it('a malformed page is not applied, the cursor stays, and it is retried later', async () => {
    const log = new ChangeLog();
    const m = makeMeeting();
    server.publish([log.upsert('meeting', m)]);
    server.knobs.malformedPages = 2;
    await signIn();
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
    expect(server.pulls.slice(0, 3).map((p) => p.since)).toEqual([0, 0, 0]);
  });

  it('a missed hint is harmless: the next connect pulls', async () => {
    const log = new ChangeLog();
    await signIn();
    await eventually(() => server.pulls.length === 1);
    server.publish([log.upsert('meeting', makeMeeting())], { hint: false });
    await h.restart();
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
  });

  it('sync:now pulls at once', async () => {
    const log = new ChangeLog();
    await signIn();
    await eventually(() => server.pulls.length === 1);
    server.publish([log.upsert('meeting', makeMeeting())], { hint: false });
    expect(await h.call('sync:now', {})).toEqual({ started: true });
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
  });

  it('goes offline in an outage, reconnects with backoff, and pulls what it missed', async () => {
    const log = new ChangeLog();
    await signIn();
    await h.waitFor('connection:state', (s) => s.state === 'online');
    await server.suspend();
    await h.waitFor('connection:state', (s) => s.state === 'offline');
    server.publish([log.upsert('meeting', makeMeeting())]); // nobody hears this hint
    await new Promise((r) => setTimeout(r, 300)); // a few failed reconnect attempts
    const online = h.waitFor('connection:state', (s) => s.state === 'online');
    await server.resume();
    await online;
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
    expect((await h.call('session:get', {})).user).toEqual(alice);
  });
});

describe('documents', () => {
  it('downloads a meeting for offline use and reads papers without the server', async () => {
    const log = new ChangeLog();
    const papers = [randomBytes(50_000), randomBytes(3000)];
    const b = publishMeeting(log, papers);
    await signIn();
    await h.waitFor('sync:applied');
    const done = Promise.all(
      b.documents.map((d) => h.waitFor('download:progress', complete(d.id))),
    );
    expect(await h.call('documents:download', { meetingId: b.meeting.id })).toEqual({ queued: 2 });
    await done;
    const progress = h.events
      .filter((e) => e.name === 'download:progress')
      .map((e) => (e.payload as DownloadProgress).download.state);
    expect(progress).toContain('queued');
    expect(progress).toContain('downloading');
    const [summary] = (await h.call('meetings:list', {})).meetings;
    expect(summary?.offline).toEqual({
      state: 'complete',
      cachedDocuments: 2,
      totalDocuments: 2,
      cachedBytes: 53_000,
      totalBytes: 53_000,
    });
    expect(await h.call('documents:download', { meetingId: b.meeting.id })).toEqual({ queued: 0 });

    for (const file of blobFiles()) {
      const stored = readFileSync(join(h.dir, BLOBS_DIR, file));
      expect(stored.includes(papers[0]?.subarray(0, 64) ?? Buffer.alloc(1))).toBe(false);
    }
    await server.close();
    await h.restart();
    const read = await h.call('documents:read', { documentId: b.documents[0]?.id ?? '' });
    expect(Buffer.from(read.base64, 'base64').equals(papers[0] ?? Buffer.alloc(0))).toBe(true);
    expect(read).toMatchObject({ sha256: b.versions[0]?.sha256, version: 1 });
    server = await startFakeSyncServer(); // for afterEach
  });

  it('reads through (and caches) a paper not downloaded yet while online; offline it is NOT_CACHED', async () => {
    const log = new ChangeLog();
    const papers = [randomBytes(10_000)];
    const b = publishMeeting(log, papers);
    await signIn();
    await h.waitFor('sync:applied');
    await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
    const read = await h.call('documents:read', { documentId: b.documents[0]?.id ?? '' });
    expect(Buffer.from(read.base64, 'base64').equals(papers[0] ?? Buffer.alloc(0))).toBe(true);
    expect(blobFiles()).toHaveLength(1);

    const other = publishMeeting(log, [randomBytes(100)]);
    await h.waitFor('sync:applied', (e) => e.cursor === log.last);
    await server.close();
    await h.waitFor('connection:state', (s) => s.state === 'offline');
    expect(await h.failCode('documents:read', { documentId: other.documents[0]?.id ?? '' })).toBe(
      'NOT_CACHED',
    );
    expect(await h.failCode('documents:read', { documentId: makeMeeting().id })).toBe('NOT_FOUND');
    server = await startFakeSyncServer();
  });

  it('resumes a download cut mid-transfer with a Range request from a chunk boundary', async () => {
    const log = new ChangeLog();
    const paper = randomBytes(100_000);
    const b = publishMeeting(log, [paper]);
    server.knobs.cutBlobAfter = { bytes: 30_000, times: 2 };
    await signIn();
    await h.waitFor('sync:applied');
    const done = h.waitFor('download:progress', complete(b.documents[0]?.id ?? ''));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await done;
    const ranges = server.blobRequests.map((r) => r.range);
    expect(ranges[0]).toBeNull();
    expect(ranges[1]).toBe('bytes=28672-'); // 7 whole 4 KiB chunks survived the first cut
    expect(ranges.length).toBe(3);
    const read = await h.call('documents:read', { documentId: b.documents[0]?.id ?? '' });
    expect(Buffer.from(read.base64, 'base64').equals(paper)).toBe(true);
  });

  it('copes with a server that ignores Range (starts over) ', async () => {
    const log = new ChangeLog();
    const paper = randomBytes(40_000);
    const b = publishMeeting(log, [paper]);
    server.knobs.cutBlobAfter = { bytes: 20_000, times: 1 };
    server.knobs.ignoreRange = true;
    await signIn();
    await h.waitFor('sync:applied');
    const done = h.waitFor('download:progress', complete(b.documents[0]?.id ?? ''));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await done;
    const read = await h.call('documents:read', { documentId: b.documents[0]?.id ?? '' });
    expect(Buffer.from(read.base64, 'base64').equals(paper)).toBe(true);
  });

  it('refetches after a SHA-256 mismatch and fails with INTEGRITY_FAILED when it persists', async () => {
    const log = new ChangeLog();
    const good = randomBytes(5000);
    const bad = randomBytes(5000);
    const b = publishMeeting(log, [good, bad]);
    server.knobs.corruptBlob = { sha256: b.versions[0]?.sha256 ?? '', times: 1 };
    await signIn();
    await h.waitFor('sync:applied');
    const ok = h.waitFor('download:progress', complete(b.documents[0]?.id ?? ''));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await ok;

    // Now every copy the server sends of the second paper is corrupt.
    await h.dispose();
    h = startCore({ serverUrl: server.url, tuning: { ...FAST_TUNING, blobChunkSizeLog2: 12 } });
    server.knobs.corruptBlob = { sha256: b.versions[1]?.sha256 ?? '', times: 100 };
    const requestsBefore = server.blobRequests.length;
    await signIn();
    await h.waitFor('sync:applied');
    const failed = h.waitFor(
      'download:progress',
      (p) => p.documentId === b.documents[1]?.id && p.download.state === 'failed',
    );
    const other = h.waitFor('download:progress', complete(b.documents[0]?.id ?? ''));
    await h.call('documents:download', { meetingId: b.meeting.id });
    expect((await failed).download.error).toBe('INTEGRITY_FAILED');
    await other;
    const requests = server.blobRequests
      .slice(requestsBefore)
      .filter((r) => r.sha256 === b.versions[1]?.sha256).length;
    expect(requests).toBe(3); // first try + 2 bounded refetches
    const detail = await h.call('meetings:get', { meetingId: b.meeting.id });
    expect(detail.otherPapers[0]?.download).toMatchObject({
      state: 'failed',
      error: 'INTEGRITY_FAILED',
    });
    expect(blobFiles().filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('never returns a cached file modified on disk: deletes it, refetches, and the next read is good', async () => {
    const log = new ChangeLog();
    const paper = randomBytes(20_000);
    const b = publishMeeting(log, [paper]);
    await signIn();
    await h.waitFor('sync:applied');
    const documentId = b.documents[0]?.id ?? '';
    const first = h.waitFor('download:progress', complete(documentId));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await first;
    const [file] = blobFiles();
    const path = join(h.dir, BLOBS_DIR, file ?? '');
    const bytes = readFileSync(path);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);

    const refetched = h.waitFor('download:progress', complete(documentId));
    expect(await h.failCode('documents:read', { documentId })).toBe('INTEGRITY_FAILED');
    await refetched;
    const read = await h.call('documents:read', { documentId });
    expect(Buffer.from(read.base64, 'base64').equals(paper)).toBe(true);
  });

  it('a meeting tombstone erases its records and cached files; other meetings keep theirs', async () => {
    const log = new ChangeLog();
    const gone = publishMeeting(log, [randomBytes(3000), randomBytes(4000)]);
    const kept = publishMeeting(log, [randomBytes(5000)]);
    await signIn();
    await h.waitFor('sync:applied');
    for (const b of [gone, kept]) {
      const done = Promise.all(
        b.documents.map((d) => h.waitFor('download:progress', complete(d.id))),
      );
      await h.call('documents:download', { meetingId: b.meeting.id });
      await done;
    }
    expect(blobFiles()).toHaveLength(3);
    const next = log.last + 1;
    const applied = h.waitFor('sync:applied', (e) => e.cursor === next);
    server.publish([log.delete('meeting', gone.meeting.id)]);
    await applied;
    expect((await h.call('meetings:list', {})).meetings.map((m) => m.meeting.id)).toEqual([
      kept.meeting.id,
    ]);
    expect(await h.failCode('documents:read', { documentId: gone.documents[0]?.id ?? '' })).toBe(
      'NOT_FOUND',
    );
    await eventually(() => blobFiles().length === 1);
    const read = await h.call('documents:read', { documentId: kept.documents[0]?.id ?? '' });
    expect(read.sha256).toBe(kept.versions[0]?.sha256);
  });

  it('reopens a paper from memory, yet a tombstone still refuses it at once', async () => {
    const log = new ChangeLog();
    const paper = randomBytes(6000);
    const b = publishMeeting(log, [paper]);
    await signIn();
    await h.waitFor('sync:applied');
    const documentId = b.documents[0]?.id ?? '';
    const done = h.waitFor('download:progress', complete(documentId));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await done;
    await h.call('documents:read', { documentId });
    // The second read does not touch the cache file: its verified bytes are kept in memory.
    const [file] = blobFiles();
    rmSync(join(h.dir, BLOBS_DIR, file ?? ''));
    const again = await h.call('documents:read', { documentId });
    expect(Buffer.from(again.base64, 'base64').equals(paper)).toBe(true);
    // Access goes with the replica record, before memory is consulted.
    const next = log.last + 1;
    const applied = h.waitFor('sync:applied', (e) => e.cursor === next);
    server.publish([log.delete('meeting', b.meeting.id)]);
    await applied;
    expect(await h.failCode('documents:read', { documentId })).toBe('NOT_FOUND');
  });

  it('new versions of a meeting kept offline are fetched after the sync', async () => {
    const log = new ChangeLog();
    const b = publishMeeting(log, [randomBytes(1000)]);
    await signIn();
    await h.waitFor('sync:applied');
    const first = h.waitFor('download:progress', complete(b.documents[0]?.id ?? ''));
    await h.call('documents:download', { meetingId: b.meeting.id });
    await first;
    const doc = b.documents[0];
    if (!doc) throw new Error('fixture');
    const v2bytes = randomBytes(2000);
    server.addBlob(v2bytes);
    const { makeVersion } = await import('../../support/syncFixtures.ts');
    const v2 = makeVersion({ ...doc, currentVersion: 2 }, v2bytes, 2);
    const second = h.waitFor(
      'download:progress',
      (p) => p.sha256 === v2.sha256 && p.download.state === 'complete',
    );
    server.publish([
      log.upsert('documentVersion', v2),
      log.upsert('document', { ...doc, currentVersion: 2 }),
    ]);
    await second;
    const read = await h.call('documents:read', { documentId: doc.id });
    expect(read.version).toBe(2);
    expect(Buffer.from(read.base64, 'base64').equals(v2bytes)).toBe(true);
  });

  it('the start-up sweep removes orphan files left by a crash', async () => {
    const dir = join(h.dir, BLOBS_DIR);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a'.repeat(64) + '.blob'), 'orphan');
    writeFileSync(join(dir, 'b'.repeat(64) + '.blob.part'), 'orphan');
    await h.restart();
    expect(blobFiles()).toEqual([]);
  });

  it('without a secure key store papers are read online only and nothing is written to disk', async () => {
    await h.dispose();
    h = startCore({
      serverUrl: server.url,
      sealer: (d) => fileKeySealer(join(d, 'keys'), { isSecure: false }),
    });
    const log = new ChangeLog();
    const paper = randomBytes(8000);
    const b = publishMeeting(log, [paper]);
    await signIn();
    await h.waitFor('sync:applied');
    await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
    expect(await h.call('documents:download', { meetingId: b.meeting.id })).toEqual({ queued: 0 });
    const read = await h.call('documents:read', { documentId: b.documents[0]?.id ?? '' });
    expect(Buffer.from(read.base64, 'base64').equals(paper)).toBe(true);
    expect(blobFiles()).toEqual([]);
    const [summary] = (await h.call('meetings:list', {})).meetings;
    expect(summary?.offline.state).toBe('none');
  });
});
