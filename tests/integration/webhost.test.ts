import { request } from 'node:http';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { startWebHost, type WebHost } from '../../electron/webhost/startWebHost.ts';
import {
  connectBridge,
  makeWebHostDirs,
  secretOf,
  startTestHost,
  type BridgeClient,
} from './webHostClient.ts';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self' data:; " +
  "worker-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with the path sent exactly as given (no client-side normalisation). */
function rawRequest(
  host: WebHost,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the HTTP status of a refused upgrade (rejects if the upgrade succeeds). */
function refusedStatus(url: string, options: WebSocket.ClientOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      socket.close();
      reject(new Error('upgrade was accepted'));
    });
    socket.once('error', () => {});
  });
}

describe('web host (browser mode)', () => {
  let dirs: Awaited<ReturnType<typeof makeWebHostDirs>>;
  let host: WebHost;
  const clients: BridgeClient[] = [];
  const connect = async (...args: Parameters<typeof connectBridge>): Promise<BridgeClient> => {
    const client = await connectBridge(...args);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    dirs = await makeWebHostDirs();
    host = await startTestHost(dirs);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await host.close();
    await dirs.cleanup();
  });

  describe('binding', () => {
    it('listens on 127.0.0.1 only, with a fresh 256-bit secret in the URL', async () => {
      expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?s=[A-Za-z0-9_-]{43}$/);
      const other = await startTestHost({
        rendererDir: dirs.rendererDir,
        dataDir: join(dirs.root, 'other'),
      });
      try {
        expect(secretOf(other)).not.toBe(secretOf(host));
        expect(other.port).not.toBe(host.port);
      } finally {
        await other.close();
      }
    });

    it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10', '::1'])(
      'refuses to bind to %s',
      async (bind) => {
        await expect(
          startWebHost({
            dataDir: dirs.dataDir,
            rendererDir: dirs.rendererDir,
            port: 0,
            host: bind,
            log: silentLogger,
          }),
        ).rejects.toThrow(/127\.0\.0\.1 only/);
      },
    );
    it('fails to start, leaving nothing open, when the port is taken', async () => {
      await expect(
        startWebHost({
          dataDir: dirs.dataDir,
          rendererDir: dirs.rendererDir,
          port: host.port,
          log: silentLogger,
        }),
      ).rejects.toThrow(/EADDRINUSE/);
    });

    it('refuses to start without a renderer build', async () => {
      await expect(
        startWebHost({
          dataDir: dirs.dataDir,
          rendererDir: join(dirs.root, 'missing'),
          port: 0,
          log: silentLogger,
        }),
      ).rejects.toThrow(/no renderer build/);
    });
  });

  describe('static files', () => {
    it('serves the renderer with the CSP, nosniff and no referrer', async () => {
      const res = await rawRequest(host, '/');
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>eCabinet</title>');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const js = await rawRequest(host, '/assets/app.js?v=1');
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.headers['x-content-type-options']).toBe('nosniff');
    });

    it('adds the configured server origin to connect-src', async () => {
      const client = await connect(host);
      await client.call('settings:set', { serverUrl: 'https://ecabinet.example.gov.vn/api/' });
      const res = await rawRequest(host, '/');
      expect(res.headers['content-security-policy']).toContain(
        "connect-src 'self' https://ecabinet.example.gov.vn wss://ecabinet.example.gov.vn;",
      );
    });

    it('answers HEAD without a body and refuses other methods', async () => {
      const head = await rawRequest(host, '/', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
        const res = await rawRequest(host, '/', { method });
        expect(res.status, method).toBe(405);
        expect(res.headers['allow']).toBe('GET, HEAD');
        expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
      }
    });

    it.each([
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/index.html%00.js',
      '/%',
      '//etc/passwd',
      '/.hidden',
      '/assets/',
      '/nope.html',
    ])('does not serve %s', async (path) => {
      const res = await rawRequest(host, path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('TOP SECRET');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('refuses absolute-form request targets and symlinks out of the root', async () => {
      expect((await rawRequest(host, `http://127.0.0.1:${host.port}/`)).status).toBe(400);
      await symlink(join(dirs.root, 'secret.txt'), join(dirs.rendererDir, 'assets', 'link.txt'));
      const res = await rawRequest(host, '/assets/link.txt');
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('TOP SECRET');
    });

    it('answers 421 to another Host name (DNS rebinding)', async () => {
      const res = await rawRequest(host, '/', { headers: { Host: `evil.example:${host.port}` } });
      expect(res.status).toBe(421);
      expect(res.body).not.toContain('eCabinet');
    });
  });

  describe('bridge admission', () => {
    const ws = (h: WebHost, query: string, path = '/bridge'): string =>
      `ws://127.0.0.1:${h.port}${path}${query}`;

    it('accepts the right secret, Origin and Host', async () => {
      const client = await connect(host);
      expect(await client.call('app:info', {})).toEqual({
        ok: true,
        value: { version: '9.9.9-test', host: 'web', platform: process.platform },
      });
    });

    it('refuses a missing, wrong, or repeated secret with 403', async () => {
      const secret = secretOf(host);
      const origin = host.origin;
      // One character off (never the real last character: it carries only 4 bits, so it often is 'A').
      expect(await refusedStatus(ws(host, ''), { origin })).toBe(403);
      expect(await refusedStatus(ws(host, '?s='), { origin })).toBe(403);
      expect(
        await refusedStatus(
          ws(host, `?s=${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`),
          { origin },
        ),
      ).toBe(403);
      expect(await refusedStatus(ws(host, `?s=${secret}x`), { origin })).toBe(403);
      expect(await refusedStatus(ws(host, `?s=${secret}&s=${secret}`), { origin })).toBe(403);
    });

    it('refuses a wrong or missing Origin with 403', async () => {
      const query = `?s=${secretOf(host)}`;
      for (const origin of [
        'http://evil.example',
        `http://localhost:${host.port}`,
        `https://127.0.0.1:${host.port}`,
        'null',
        `http://127.0.0.1:${host.port + 1}`,
      ]) {
        expect(await refusedStatus(ws(host, query), { origin }), origin).toBe(403);
      }
      expect(await refusedStatus(ws(host, query), {})).toBe(403);
    });

    it('refuses a wrong Host header and other paths', async () => {
      const query = `?s=${secretOf(host)}`;
      expect(
        await refusedStatus(ws(host, query), {
          origin: host.origin,
          headers: { Host: `evil.example:${host.port}` },
        }),
      ).toBe(403);
      expect(await refusedStatus(ws(host, query, '/bridge2'), { origin: host.origin })).toBe(404);
      expect(await refusedStatus(ws(host, query, '/'), { origin: host.origin })).toBe(404);
    });

    it('keeps serving after refusals', async () => {
      await refusedStatus(ws(host, '?s=wrong'), { origin: host.origin });
      const client = await connect(host);
      expect(await client.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: '', language: 'vi' },
      });
    });
  });

  describe('bridge protocol', () => {
    it('round-trips settings and persists them across a host restart on the same data dir', async () => {
      const client = await connect(host);
      expect(await client.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: '', language: 'vi' },
      });
      const set = await client.call('settings:set', {
        language: 'en',
        serverUrl: 'https://ecabinet.example.gov.vn/',
      });
      expect(set).toEqual({
        ok: true,
        value: { serverUrl: 'https://ecabinet.example.gov.vn', language: 'en' },
      });
      await client.close();
      await host.close();

      host = await startTestHost(dirs);
      const again = await connect(host);
      expect(await again.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: 'https://ecabinet.example.gov.vn', language: 'en' },
      });
    });

    it('restartCore() reopens the core on the same data dir while pages stay connected', async () => {
      const client = await connect(host);
      await client.call('settings:set', { language: 'en' });
      const before = host.core();
      await host.restartCore();
      expect(host.core()).not.toBe(before);
      expect(await client.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: '', language: 'en' },
      });
      // Events of the new core still reach the page.
      const changed = client.nextFrame(
        (f) =>
          f['event'] === 'settings:changed' &&
          (f['payload'] as { language?: string }).language === 'vi',
      );
      await client.call('settings:set', { language: 'vi' });
      expect((await changed)['payload']).toEqual({ serverUrl: '', language: 'vi' });
    });

    it('answers unknown channels with UNKNOWN_CHANNEL and bad input with INVALID_INPUT', async () => {
      const client = await connect(host);
      expect(await client.call('fs:readFile', { path: '/etc/passwd' })).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' },
      });
      expect(await client.call('settings:set', { language: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await client.call('settings:set', { language: 'en', extra: true })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await client.call('settings:set', { serverUrl: 'not a url' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await client.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: '', language: 'vi' },
      });
    });

    it('answers shell:openExternal honestly: NOT_AVAILABLE in browser mode, opened:false for refused schemes', async () => {
      const client = await connect(host);
      expect(await client.call('shell:openExternal', { url: 'https://example.org' })).toMatchObject(
        { ok: false, error: { code: 'NOT_AVAILABLE' } },
      );
      expect(await client.call('shell:openExternal', { url: 'javascript:alert(1)' })).toEqual({
        ok: true,
        value: { opened: false },
      });
    });

    it('answers malformed frames with an error reply and keeps serving', async () => {
      const client = await connect(host);
      const malformed: [string, number | null][] = [
        ['not json', null],
        ['[1,2,3]', null],
        ['null', null],
        ['{"id":-1,"channel":"app:info","input":{}}', null],
        ['{"id":"1","channel":"app:info","input":{}}', null],
        ['{"id":1.5,"channel":"app:info","input":{}}', null],
        ['{"id":7,"channel":"app:info","input":{},"extra":1}', 7],
        ['{"id":8,"channel":"app:info"}', 8],
        ['{"id":9,"channel":"settings:set","input":{"__proto__":{"polluted":true}}}', 9],
      ];
      for (const [text, id] of malformed) {
        client.sendRaw(text);
        const reply = await client.nextFrame((f) => 'result' in f);
        expect(reply, text).toMatchObject({
          id,
          result: { ok: false, error: { code: 'INVALID_INPUT' } },
        });
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      client.sendRaw(Buffer.from('{"id":10,"channel":"app:info","input":{}}'), true);
      expect(await client.nextFrame((f) => 'result' in f)).toMatchObject({
        id: null,
        result: { ok: false, error: { code: 'INVALID_INPUT' } },
      });
      expect(await client.call('app:info', {})).toMatchObject({ ok: true });
    });

    it('closes a connection that sends a frame over 1 MiB (1009) and keeps serving others', async () => {
      const client = await connect(host);
      const closed = new Promise<number>((resolve) =>
        client.socket.once('close', (code) => resolve(code)),
      );
      client.sendRaw(
        JSON.stringify({
          id: 1,
          channel: 'settings:set',
          input: { serverUrl: 'x'.repeat(1024 * 1024 + 1) },
        }),
      );
      expect(await closed).toBe(1009);
      const other = await connect(host);
      expect(await other.call('app:info', {})).toMatchObject({ ok: true });
    });

    it('pushes core events to every connected page', async () => {
      const a = await connect(host);
      const b = await connect(host);
      const seenByB = b.nextFrame((f) => f['event'] === 'settings:changed');
      const seenByA = a.nextFrame((f) => f['event'] === 'settings:changed');
      await a.call('settings:set', { language: 'en' });
      expect(await seenByB).toEqual({
        event: 'settings:changed',
        payload: { serverUrl: '', language: 'en' },
      });
      expect(await seenByA).toEqual({
        event: 'settings:changed',
        payload: { serverUrl: '', language: 'en' },
      });
    });

    it('close() disconnects pages with 1001 and stops listening', async () => {
      const client = await connect(host);
      const closed = new Promise<number>((resolve) =>
        client.socket.once('close', (code) => resolve(code)),
      );
      await host.close();
      expect(await closed).toBe(1001);
      await expect(rawRequest(host, '/')).rejects.toThrow(/ECONNREFUSED/);
      await host.close(); // idempotent
    });
  });
});
