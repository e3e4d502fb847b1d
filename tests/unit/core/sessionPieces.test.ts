import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOBS_DIR } from '../../../electron/core/blobs/BlobCache.ts';
import { createCore } from '../../../electron/core/createCore.ts';
import { fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';
import type { KeySealer } from '../../../electron/core/crypto/KeySealer.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { ensureDeviceIdentity } from '../../../electron/core/session/deviceIdentity.ts';
import { requestLogin, type FetchLike } from '../../../electron/core/session/requestLogin.ts';
import { confSettingsBackend } from '../../../electron/core/settings/confSettingsBackend.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';
import { socketEndpoint } from '../../../electron/core/sync/SocketFactory.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { startCore } from '../../support/coreHarness.ts';
import { startFakeSyncServer } from '../../support/fakeSyncServer.ts';
import { ChangeLog, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

const body = {
  username: 'a',
  password: 'b',
  deviceId: randomUUID(),
  deviceName: 'x',
  protocolVersion: 1,
};
const answer =
  (status: number, json: unknown): FetchLike =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(json), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
async function codeOf(fetchImpl: FetchLike): Promise<string> {
  try {
    await requestLogin(fetchImpl, 'http://server.test', body, 500);
  } catch (error) {
    if (error instanceof IpcError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('requestLogin error mapping', () => {
  it('maps statuses and bodies to typed codes', async () => {
    expect(await codeOf(answer(401, { error: { code: 'INVALID_CREDENTIALS', message: '' } }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(await codeOf(answer(429, { error: { code: 'RATE_LIMITED', message: '' } }))).toBe(
      'RATE_LIMITED',
    );
    expect(await codeOf(answer(426, {}))).toBe('PROTOCOL_UNSUPPORTED');
    expect(await codeOf(answer(400, { error: { code: 'INVALID_INPUT', message: '' } }))).toBe(
      'PROTOCOL_UNSUPPORTED',
    );
    expect(await codeOf(answer(200, { token: 'short' }))).toBe('PROTOCOL_UNSUPPORTED');
    expect(await codeOf(answer(500, { error: { code: 'INTERNAL', message: '' } }))).toBe(
      'SERVER_UNREACHABLE',
    );
    expect(await codeOf(answer(404, 'not json at all'))).toBe('SERVER_UNREACHABLE');
  });

  it('reports network failures as SERVER_UNREACHABLE with the errno in the message', async () => {
    const refused: FetchLike = () =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      );
    await expect(requestLogin(refused, 'http://server.test', body)).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
      message: expect.stringContaining('ECONNREFUSED') as unknown,
    });
  });
});

describe('socketEndpoint', () => {
  it('keeps a path prefix in the socket.io path', () => {
    expect(socketEndpoint('https://gov.example/ecabinet')).toEqual({
      url: 'https://gov.example',
      path: '/ecabinet/socket.io',
    });
    expect(socketEndpoint('http://127.0.0.1:8787')).toEqual({
      url: 'http://127.0.0.1:8787',
      path: '/socket.io',
    });
  });
});

describe('device identity', () => {
  const sealerWith = (key: Buffer, isSecure = true): KeySealer => {
    const xor = (b: Buffer): Buffer => Buffer.from(b.map((v, i) => v ^ (key[i % key.length] ?? 0)));
    return {
      isSecure,
      seal: (p) => Buffer.concat([Buffer.from('T'), xor(p)]),
      unseal: (s) => {
        if (s[0] !== 0x54 || key.length === 0) throw new Error('foreign');
        return xor(s.subarray(1));
      },
    };
  };

  it('creates the id and key once, stores the key only sealed, and replaces a key it cannot unseal', () => {
    const db = openDatabase(':memory:');
    const a = sealerWith(randomBytes(32));
    const first = ensureDeviceIdentity(db, a, silentLogger);
    const stored = db.prepare('SELECT sealed_data_key FROM device').get()?.[
      'sealed_data_key'
    ] as Uint8Array;
    expect(Buffer.from(stored).includes(first.dataKey)).toBe(false);
    const again = ensureDeviceIdentity(db, a, silentLogger);
    expect(again).toEqual({ ...first, keyReplaced: false });
    const lost = ensureDeviceIdentity(db, sealerWith(Buffer.alloc(0)), silentLogger);
    expect(lost.deviceId).toBe(first.deviceId);
    expect(lost.keyReplaced).toBe(true);
    expect(lost.dataKey.equals(first.dataKey)).toBe(false);
  });

  it('a core whose data key was lost wipes the session, the replica and the cache', async () => {
    const server = await startFakeSyncServer();
    const alice = makeUser({ username: 'alice' });
    server.addUser(alice, 'pw');
    const log = new ChangeLog();
    const paper = randomBytes(100);
    const b = meetingBundle(log, alice, [paper]);
    server.addBlob(paper);
    server.publish(b.changes);
    const h = startCore({ serverUrl: server.url });
    try {
      await h.call('session:login', { username: 'alice', password: 'pw' });
      await h.waitFor('sync:applied');
      const done = h.waitFor('download:progress', (p) => p.download.state === 'complete');
      await h.call('documents:download', { meetingId: b.meeting.id });
      await done;
      await h.restart({ keySealer: fileKeySealer(join(h.dir, 'other-keys')) });
      expect((await h.call('session:get', {})).user).toBeNull();
      expect(await h.failCode('meetings:list', {})).toBe('NOT_LOGGED_IN');
      expect(readdirSync(join(h.dir, BLOBS_DIR))).toEqual([]);
    } finally {
      await h.dispose();
      await server.close();
    }
  });
});

describe('createCore', () => {
  it('refuses to start the Electron host without a key sealer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-'));
    expect(() =>
      createCore({
        dataDir: dir,
        settingsBackend: confSettingsBackend(dir),
        host: 'electron',
        version: 't',
        platform: 'linux',
        external: { confirm: () => Promise.resolve(false), open: () => Promise.resolve() },
        log: silentLogger,
      }),
    ).toThrow(/keySealer/);
    rmSync(dir, { recursive: true, force: true });
  });
});
