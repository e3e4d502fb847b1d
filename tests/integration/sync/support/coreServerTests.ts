import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { BLOBS_DIR } from '../../../../electron/core/blobs/BlobCache.ts';
import type { DownloadProgress } from '../../../../shared/domain/offline.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { eventually, FAST_TUNING, type CoreHarness } from '../../../support/coreHarness.ts';
import { http, type Account } from '../../server/support/harness.ts';
import {
  changeStatus,
  createMeetingWithPaper,
  setParticipants,
  uploadPdf,
} from '../../server/support/meetings.ts';
import type { CoreServerContext } from './coreServerSuite.ts';

export const complete = (documentId: string) => (p: DownloadProgress) =>
  p.documentId === documentId && p.download.state === 'complete';
const blobFiles = (h: CoreHarness): string[] => readdirSync(join(h.dir, BLOBS_DIR));

/** A signed-in core for a fresh member; its meeting list has synced once. */
async function memberCore(
  c: CoreServerContext,
  options: { via?: string; chunkLog2?: number } = {},
): Promise<{ h: CoreHarness; account: Account }> {
  const account = await c.server.createAccount('member');
  const h = c.startCore({
    serverUrl: options.via ?? c.server.url,
    tuning: { ...FAST_TUNING, blobChunkSizeLog2: options.chunkLog2 ?? 12 },
  });
  await h.call('session:login', { username: account.user.username, password: account.password });
  await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
  return { h, account };
}

/** A signed-in member's core and a published meeting with one paper, listed on the device. */
async function memberWithPaper(c: CoreServerContext) {
  const { h, account } = await memberCore(c);
  const fixture = await createMeetingWithPaper(c.server, c.staff, {
    participants: [{ userId: account.user.id }],
    publish: true,
  });
  await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
  return { h, account, fixture };
}

/** A PDF of roughly `bytes` bytes (random data in an attachment, so it does not compress). */
async function bigPdf(bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await doc.attach(randomBytes(bytes), 'annex.bin', { mimeType: 'application/octet-stream' });
  return doc.save();
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** Sign-in, down-sync, downloads and session ends of the core against the real server. */
export function coreServerTests(ctx: () => CoreServerContext): void {
  it('login: good, wrong password, unreachable', async () => {
    const c = ctx();
    const { server } = c;
    const account = await server.createAccount('member');
    const h = c.startCore({ serverUrl: server.url });
    expect(
      await h.failCode('session:login', {
        username: account.user.username,
        password: 'wrong password',
      }),
    ).toBe('INVALID_CREDENTIALS');
    const { user } = await h.call('session:login', {
      username: account.user.username,
      password: account.password,
    });
    expect(user).toEqual(account.user);
    await h.waitFor('connection:state', (s) => s.state === 'online');
    await h.call('session:logout', {});
    h.core.settings.set({ serverUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(
      await h.failCode('session:login', {
        username: account.user.username,
        password: account.password,
      }),
    ).toBe('SERVER_UNREACHABLE');
  });

  it('initial sync of a published meeting with its papers; download and read them offline', async () => {
    const c = ctx();
    const { server, staff } = c;
    const account = await server.createAccount('member');
    const fixture = await createMeetingWithPaper(server, staff, {
      participants: [{ userId: account.user.id }],
      publish: true,
    });
    const proxy = await c.startProxy();
    const h = c.startCore({
      serverUrl: proxy.url,
      tuning: { ...FAST_TUNING, blobChunkSizeLog2: 12 },
    });
    await h.call('session:login', { username: account.user.username, password: account.password });
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
    const detail = await h.call('meetings:get', { meetingId: fixture.meetingId });
    expect(detail.meeting.status).toBe('published');
    expect(detail.items[0]?.item.id).toBe(fixture.itemId);
    const paper = detail.items[0]?.papers[0];
    expect(paper?.document.id).toBe(fixture.documentId);
    expect(paper?.version?.sha256).toBe(fixture.upload.version.sha256);
    expect(detail.participants.map((p) => p.user?.id)).toContain(account.user.id);

    const done = h.waitFor('download:progress', complete(fixture.documentId));
    expect(await h.call('documents:download', { meetingId: fixture.meetingId })).toEqual({
      queued: 1,
    });
    await done;
    // Offline from here: the network to the server is down, and the app restarts.
    const offline = h.waitFor('connection:state', (s) => s.state === 'offline');
    proxy.setDown(true);
    await offline;
    await h.restart();
    expect(h.core.connectionState().state).not.toBe('online');
    expect((await h.call('meetings:list', {})).meetings[0]?.offline.state).toBe('complete');
    const read = await h.call('documents:read', { documentId: fixture.documentId });
    expect(Buffer.from(read.base64, 'base64').equals(Buffer.from(fixture.pdf))).toBe(true);
  });

  it('live: a meeting published while connected arrives through news → pull', async () => {
    const c = ctx();
    const { server, staff } = c;
    const { h, account } = await memberCore(c);
    const applied = h.waitFor('sync:applied', (e) => e.entities.includes('meeting'), 10_000);
    const fixture = await createMeetingWithPaper(server, staff, {
      participants: [{ userId: account.user.id }],
      publish: true,
    });
    await applied;
    await eventually(
      async () =>
        (await h.call('meetings:list', {})).meetings.some(
          (m) => m.meeting.id === fixture.meetingId,
        ),
      5000,
    );
  });

  it('resumes a paper download after the connection is cut mid-transfer', async () => {
    const c = ctx();
    const { server, staff } = c;
    const proxy = await c.startProxy();
    const { h, account } = await memberCore(c, { via: proxy.url });
    const fixture = await createMeetingWithPaper(server, staff, {
      participants: [{ userId: account.user.id }],
      publish: false,
    });
    const pdf = await bigPdf(400_000);
    expect((await uploadPdf(server, staff.token, fixture.documentId, pdf)).status).toBe(201);
    await changeStatus(server, staff, fixture.meetingId, 'publish');
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);

    proxy.cutAfter(150_000);
    const done = h.waitFor('download:progress', complete(fixture.documentId), 20_000);
    await h.call('documents:download', { meetingId: fixture.meetingId });
    await done;
    expect(proxy.cuts).toBe(1);
    const ranges = proxy
      .upstreamText()
      .flatMap((text) =>
        [...text.matchAll(/\r\nrange: bytes=(\d+)-\r\n/gi)].map((m) => Number(m[1])),
      );
    expect(ranges).toHaveLength(1);
    expect(ranges[0]).toBeGreaterThan(100_000);
    expect((ranges[0] ?? 1) % 4096).toBe(0); // resumed at a chunk boundary
    const read = await h.call('documents:read', { documentId: fixture.documentId });
    expect(Buffer.from(read.base64, 'base64').equals(Buffer.from(pdf))).toBe(true);
  });

  it('a cached paper modified on disk is never returned; it is refetched', async () => {
    const c = ctx();
    const { h, fixture } = await memberWithPaper(c);
    const first = h.waitFor('download:progress', complete(fixture.documentId));
    await h.call('documents:download', { meetingId: fixture.meetingId });
    await first;
    const [file] = blobFiles(h);
    const path = join(h.dir, BLOBS_DIR, file ?? '');
    const bytes = readFileSync(path);
    bytes[200] = (bytes[200] ?? 0) ^ 0x20;
    writeFileSync(path, bytes);
    const again = h.waitFor('download:progress', complete(fixture.documentId));
    expect(await h.failCode('documents:read', { documentId: fixture.documentId })).toBe(
      'INTEGRITY_FAILED',
    );
    await again;
    const read = await h.call('documents:read', { documentId: fixture.documentId });
    expect(Buffer.from(read.base64, 'base64').equals(Buffer.from(fixture.pdf))).toBe(true);
  });

  it('a participant removed on the server loses the meeting: records and cached files are erased', async () => {
    const c = ctx();
    const { server, staff } = c;
    const { h, account } = await memberCore(c);
    const other = await server.createAccount('member');
    const fixture = await createMeetingWithPaper(server, staff, {
      participants: [{ userId: account.user.id }, { userId: other.user.id }],
      publish: true,
    });
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 1);
    const done = h.waitFor('download:progress', complete(fixture.documentId));
    await h.call('documents:download', { meetingId: fixture.meetingId });
    await done;
    expect(blobFiles(h)).toHaveLength(1);

    await setParticipants(server, staff, fixture.meetingId, [{ userId: other.user.id }]);
    await eventually(async () => (await h.call('meetings:list', {})).meetings.length === 0);
    expect(await h.failCode('meetings:get', { meetingId: fixture.meetingId })).toBe('NOT_FOUND');
    expect(await h.failCode('documents:read', { documentId: fixture.documentId })).toBe(
      'NOT_FOUND',
    );
    await eventually(() => blobFiles(h).length === 0);
  });

  it('an expired token ends the session; the replica stays readable for that user', async () => {
    const c = ctx();
    const { server } = c;
    const { h, fixture } = await memberWithPaper(c);
    const done = h.waitFor('download:progress', complete(fixture.documentId));
    await h.call('documents:download', { meetingId: fixture.meetingId });
    await done;

    const ended = h.waitFor('session:changed', (e) => e.user === null);
    server.advanceClock(15 * 24 * 3600 * 1000);
    try {
      await h.call('sync:now', {});
      expect(await ended).toEqual({ user: null, reason: 'expired' });
    } finally {
      server.advanceClock(-15 * 24 * 3600 * 1000);
    }
    expect((await h.call('meetings:list', {})).meetings.map((m) => m.meeting.id)).toEqual([
      fixture.meetingId,
    ]);
    const read = await h.call('documents:read', { documentId: fixture.documentId });
    expect(Buffer.from(read.base64, 'base64').equals(Buffer.from(fixture.pdf))).toBe(true);
  });

  it('an administrator revoking the device token ends the session as revoked', async () => {
    const c = ctx();
    const { server, admin } = c;
    const { h, account } = await memberCore(c);
    const { deviceId } = await h.call('session:get', {});
    const ended = h.waitFor('session:changed', (e) => e.user === null);
    const res = await http(server, 'POST', ADMIN_ROUTES.revokeTokens, {
      token: admin.token,
      json: { userId: account.user.id, deviceId },
    });
    expect(res.json).toEqual({ revoked: 1 });
    expect(await ended).toEqual({ user: null, reason: 'revoked' });
  });

  it("a paper's copy policy set by the secretariat reaches the device, which then refuses its export", async () => {
    const c = ctx();
    const { server, staff } = c;
    const { h, fixture } = await memberWithPaper(c);
    const open = await h.call('documents:read', { documentId: fixture.documentId });
    expect(open.copyAllowed).toBe(true);
    expect(
      (await h.call('annotations:export', { documentId: fixture.documentId, format: 'w3c' }))
        .format,
    ).toBe('w3c');

    const res = await http(server, 'PATCH', ADMIN_ROUTES.document(fixture.documentId), {
      token: staff.token,
      json: { copyAllowed: false },
    });
    expect(res.status).toBe(200);
    expect((res.json as { document: { copyAllowed: boolean } }).document.copyAllowed).toBe(false);
    await eventually(
      async () => !(await h.call('documents:read', { documentId: fixture.documentId })).copyAllowed,
    );
    const detail = await h.call('meetings:get', { meetingId: fixture.meetingId });
    expect(detail.items[0]?.papers[0]?.document.copyAllowed).toBe(false);
    for (const format of ['pdf', 'w3c'] as const)
      expect(
        await h.failCode('annotations:export', { documentId: fixture.documentId, format }),
      ).toBe('COPY_NOT_ALLOWED');
    // The policy survives a restart (it is in the replica, not only in memory).
    await h.restart();
    expect((await h.call('documents:read', { documentId: fixture.documentId })).copyAllowed).toBe(
      false,
    );
  });

  it('a new version of a paper kept offline is fetched after the sync', async () => {
    const c = ctx();
    const { server, staff } = c;
    const { h, fixture } = await memberWithPaper(c);
    const first = h.waitFor('download:progress', complete(fixture.documentId));
    await h.call('documents:download', { meetingId: fixture.meetingId });
    await first;
    const v2 = await bigPdf(10_000);
    const second = h.waitFor(
      'download:progress',
      (p) =>
        p.documentId === fixture.documentId &&
        p.download.state === 'complete' &&
        p.sha256 !== fixture.upload.version.sha256,
    );
    expect(
      (await uploadPdf(server, staff.token, fixture.documentId, v2, `v2-${randomUUID()}.pdf`))
        .status,
    ).toBe(201);
    await second;
    const read = await h.call('documents:read', { documentId: fixture.documentId });
    expect(read.version).toBe(2);
    expect(Buffer.from(read.base64, 'base64').equals(Buffer.from(v2))).toBe(true);
  });
}
