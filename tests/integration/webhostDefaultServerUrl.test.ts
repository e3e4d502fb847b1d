import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { startWebHost, type WebHost } from '../../electron/webhost/startWebHost.ts';
import { connectBridge, makeWebHostDirs } from './webHostClient.ts';

// `npm start` hands its embedded server to the browser-mode host as `defaultServerUrl`
// (ECABINET_DEFAULT_SERVER_URL in the CLI): stored when the data directory has no server yet.

let dirs: Awaited<ReturnType<typeof makeWebHostDirs>>;
const hosts: WebHost[] = [];

beforeEach(async () => {
  dirs = await makeWebHostDirs();
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  await dirs.cleanup();
});

async function start(defaultServerUrl: string | undefined): Promise<WebHost> {
  const host = await startWebHost({
    dataDir: dirs.dataDir,
    rendererDir: dirs.rendererDir,
    port: 0,
    log: silentLogger,
    defaultServerUrl,
  });
  hosts.push(host);
  return host;
}

function cspOf(host: WebHost): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/' }, (res) => {
      res.resume();
      resolve(String(res.headers['content-security-policy']));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host default server URL', () => {
  it('is stored on first start, answered by settings:get and allowed by the CSP', async () => {
    const host = await start('http://127.0.0.1:8787');
    const client = await connectBridge(host);
    try {
      expect(await client.call('settings:get', {})).toEqual({
        ok: true,
        value: { serverUrl: 'http://127.0.0.1:8787', language: 'vi' },
      });
    } finally {
      await client.close();
    }
    expect(await cspOf(host)).toContain(
      "connect-src 'self' http://127.0.0.1:8787 ws://127.0.0.1:8787;",
    );
  });

  it('does not replace the server stored by an earlier start or by the user', async () => {
    const first = await start('http://127.0.0.1:8787');
    const client = await connectBridge(first);
    try {
      await client.call('settings:set', { serverUrl: 'https://ecabinet.example.gov.vn' });
    } finally {
      await client.close();
    }
    await first.close();

    const second = await start('http://127.0.0.1:9999');
    expect(second.core().settings.get().serverUrl).toBe('https://ecabinet.example.gov.vn');
  });

  it('leaves the settings alone without a default or with an invalid one', async () => {
    const host = await start('javascript:alert(1)');
    expect(host.core().settings.get().serverUrl).toBe('');
    await host.close();
    const again = await start(undefined);
    expect(again.core().settings.get().serverUrl).toBe('');
  });
});
