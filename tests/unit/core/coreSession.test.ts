import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';
import { startFakeSyncServer, type FakeSyncServer } from '../../support/fakeSyncServer.ts';
import { eventually, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { ChangeLog, makeUser, meetingBundle } from '../../support/syncFixtures.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';

let server: FakeSyncServer;
let h: CoreHarness;
const alice = makeUser({ username: 'alice' });
const bob = makeUser({ username: 'bob' });

beforeEach(async () => {
  server = await startFakeSyncServer();
  server.addUser(alice, 'alice-pw');
  server.addUser(bob, 'bob-pw');
  h = startCore({ serverUrl: server.url });
});
afterEach(async () => {
  await h.dispose();
  await server.close();
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe('device identity and session', () => {
  it('has a device id generated once and kept across restarts', async () => {
    const first = await h.call('session:get', {});
    expect(first.user).toBeNull();
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.serverUrl).toBe(server.url);
    expect(first.offlineCacheAvailable).toBe(true);
    await h.restart();
    expect((await h.call('session:get', {})).deviceId).toBe(first.deviceId);
  });

  it('maps login failures to typed codes', async () => {
    expect(await h.failCode('session:login', { username: 'alice', password: 'wrong' })).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await h.failCode('session:login', { username: 'nobody', password: 'x' })).toBe(
      'INVALID_CREDENTIALS',
    );
    server.knobs.rateLimited = true;
    expect(await h.failCode('session:login', { username: 'alice', password: 'alice-pw' })).toBe(
      'RATE_LIMITED',
    );
    server.knobs.rateLimited = false;
    server.knobs.protocolRefused = true;
    expect(await h.failCode('session:login', { username: 'alice', password: 'alice-pw' })).toBe(
      'PROTOCOL_UNSUPPORTED',
    );
    server.knobs.protocolRefused = false;
    h.core.settings.set({ serverUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(await h.failCode('session:login', { username: 'alice', password: 'alice-pw' })).toBe(
      'SERVER_UNREACHABLE',
    );
    h.core.settings.set({ serverUrl: '' });
    expect(await h.failCode('session:login', { username: 'alice', password: 'alice-pw' })).toBe(
      'NO_SERVER_CONFIGURED',
    );
    expect((await h.call('session:get', {})).user).toBeNull();
  });

  it('treats a server that never answers as unreachable (timeout)', async () => {
    const silent = createServer(() => {}); // accepts TCP, never answers HTTP
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      await h.restart({ tuning: { loginTimeoutMs: 200 } });
      h.core.settings.set({
        serverUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
      });
      expect(await h.failCode('session:login', { username: 'alice', password: 'alice-pw' })).toBe(
        'SERVER_UNREACHABLE',
      );
    } finally {
      silent.close();
    }
  });

  it('logs in with device id and protocol version, keeps the token sealed on disk, and survives a restart', async () => {
    const changed = h.waitFor('session:changed');
    const { user } = await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    expect(user).toEqual(alice);
    expect(await changed).toEqual({ user: alice, reason: 'login' });
    const { deviceId } = await h.call('session:get', {});
    expect(server.logins[0]).toMatchObject({ username: 'alice', deviceId, protocolVersion: PROTOCOL_VERSION });
    await h.waitFor('connection:state', (s) => s.state === 'online');

    const token = server.issuedTokens[0] ?? '';
    await h.core.close();
    for (const entry of readdirSync(h.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const name = join(entry.parentPath, entry.name);
      const bytes = readFileSync(name);
      expect(bytes.includes(Buffer.from(token)), name).toBe(false);
      expect(bytes.includes(Buffer.from('alice-pw')), name).toBe(false);
    }
    await h.restart();
    expect((await h.call('session:get', {})).user).toEqual(alice);
    await h.waitFor('connection:state', (s) => s.state === 'online');
  });

  it('ends the session on an expired token but keeps the replica readable for the same user', async () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, alice);
    server.publish(b.changes);
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    await h.waitFor('sync:applied');
    const ended = h.waitFor('session:changed', (e) => e.user === null);
    server.killTokens('TOKEN_EXPIRED');
    expect(await ended).toEqual({ user: null, reason: 'expired' });
    expect(h.core.connectionState().state).toBe('offline');
    expect((await h.call('session:get', {})).user).toBeNull();
    expect((await h.call('meetings:list', {})).meetings.map((m) => m.meeting.id)).toEqual([
      b.meeting.id,
    ]);
    expect((await h.call('sync:now', {})).started).toBe(false);
  });

  it('reports a revoked token as revoked', async () => {
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    await h.waitFor('connection:state', (s) => s.state === 'online');
    const ended = h.waitFor('session:changed', (e) => e.user === null);
    server.killTokens('TOKEN_REVOKED');
    expect(await ended).toEqual({ user: null, reason: 'revoked' });
  });

  it('after logout reads are refused; the same user gets the replica back, another user a clean one', async () => {
    const log = new ChangeLog();
    const b = meetingBundle(log, alice);
    server.publish(b.changes);
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    await h.waitFor('sync:applied');
    await h.call('session:logout', {});
    expect(server.issuedTokens).toHaveLength(1);
    expect(await h.failCode('meetings:list', {})).toBe('NOT_LOGGED_IN');
    expect(
      h.events.some(
        (e) =>
          e.name === 'session:changed' && (e.payload as { reason: string }).reason === 'logout',
      ),
    ).toBe(true);

    const pullsBefore = server.pulls.length;
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    await eventually(() => server.pulls.length > pullsBefore);
    expect((await h.call('meetings:list', {})).meetings).toHaveLength(1);
    expect(server.pulls[pullsBefore]?.since).toBe(log.last); // resumed from the stored cursor

    await h.call('session:logout', {});
    const bobPulls = server.pulls.length;
    await h.call('session:login', { username: 'bob', password: 'bob-pw' });
    expect((await h.call('meetings:list', {})).meetings).toEqual([]); // wiped before bob's first pull
    await eventually(() => server.pulls.length > bobPulls);
    expect(server.pulls[bobPulls]?.since).toBe(0);
  });

  it('changing the server URL signs out of the old server', async () => {
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    const ended = h.waitFor('session:changed', (e) => e.user === null);
    h.core.settings.set({ serverUrl: 'https://elsewhere.example' });
    expect((await ended).reason).toBe('logout');
  });

  it('without a secure key store it says so and never caches', async () => {
    await h.dispose();
    h = startCore({
      serverUrl: server.url,
      sealer: (d) => fileKeySealer(join(d, 'keys'), { isSecure: false }),
    });
    expect((await h.call('session:get', {})).offlineCacheAvailable).toBe(false);
  });

  it('close() disconnects the socket and stops timers', async () => {
    await h.call('session:login', { username: 'alice', password: 'alice-pw' });
    await h.waitFor('connection:state', (s) => s.state === 'online');
    expect(server.connectedSockets()).toBe(1);
    await h.core.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(server.connectedSockets()).toBe(0);
  });
});
