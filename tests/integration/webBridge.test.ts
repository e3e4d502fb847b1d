import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WebHost } from '../../electron/webhost/startWebHost.ts';
import {
  createWebBridge,
  type BridgeSocket,
  type WebBridge,
} from '../../renderer/ipc/webBridge.ts';
import { makeWebHostDirs, secretOf, startTestHost } from './webHostClient.ts';

/** The `ws` client standing in for the browser's WebSocket; browsers send the page's Origin. */
function socketFor(origin: string): new (url: string) => BridgeSocket {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  } as unknown as new (url: string) => BridgeSocket;
}

describe('renderer web bridge against the real web host', () => {
  let dirs: Awaited<ReturnType<typeof makeWebHostDirs>>;
  let host: WebHost;
  const bridges: WebBridge[] = [];
  const open = (secret = secretOf(host), origin = host.origin): WebBridge => {
    const bridge = createWebBridge(
      { wsUrl: `ws://127.0.0.1:${host.port}/bridge`, secret, platform: 'linux' },
      {
        WebSocket: socketFor(origin),
        connectWaitMs: 300,
        reconnectDelayMs: 50,
        maxReconnectDelayMs: 200,
      },
    );
    bridges.push(bridge);
    return bridge;
  };

  beforeEach(async () => {
    dirs = await makeWebHostDirs();
    host = await startTestHost(dirs);
  });

  afterEach(async () => {
    for (const bridge of bridges.splice(0)) bridge.close();
    await host.close();
    await dirs.cleanup();
  });

  it('invokes the core through the contract and receives its events', async () => {
    const a = open();
    const b = open();
    expect(await a.invoke('app:info', {})).toEqual({
      ok: true,
      value: { version: '9.9.9-test', host: 'web', platform: process.platform },
    });
    const changed = new Promise<unknown>((resolve) => b.on('settings:changed', resolve));
    expect(await b.invoke('settings:get', {})).toMatchObject({ ok: true }); // b is connected
    expect(
      await a.invoke('settings:set', {
        language: 'en',
        serverUrl: 'https://ecabinet.example.gov.vn',
      }),
    ).toEqual({
      ok: true,
      value: { serverUrl: 'https://ecabinet.example.gov.vn', language: 'en' },
    });
    expect(await changed).toEqual({ serverUrl: 'https://ecabinet.example.gov.vn', language: 'en' });
    expect(await a.invoke('settings:set', { language: 'fr' as 'en' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('gets NOT_AVAILABLE with a wrong secret or a foreign Origin', async () => {
    expect(await open('x'.repeat(43)).invoke('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
    expect(
      await open(secretOf(host), 'http://evil.example').invoke('settings:get', {}),
    ).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE' } });
  });

  it('answers NOT_AVAILABLE once the host is gone, without throwing', async () => {
    const bridge = open();
    expect(await bridge.invoke('settings:get', {})).toMatchObject({ ok: true });
    await host.close();
    expect(await bridge.invoke('settings:get', {})).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'no connection to the host' },
    });
  });
});
