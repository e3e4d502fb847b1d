import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWebBridge,
  platformFromNavigator,
  SECRET_STORAGE_KEY,
  webBridgeParamsFromLocation,
  type BridgeSocket,
  type LocationDeps,
  type WebBridge,
} from '../../renderer/ipc/webBridge.ts';

const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

function memoryDeps(
  initial: Record<string, string> = {},
): LocationDeps & { stored: Map<string, string>; replaced: string[] } {
  const stored = new Map(Object.entries(initial));
  const replaced: string[] = [];
  return {
    stored,
    replaced,
    platform: 'linux',
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    history: { state: null, replaceState: (_s, _t, url) => void replaced.push(String(url)) },
  };
}

function loc(href: string): Pick<Location, 'protocol' | 'host' | 'href'> {
  const url = new URL(href);
  return { protocol: url.protocol, host: url.host, href: url.href };
}

describe('webBridgeParamsFromLocation', () => {
  it('reads the secret, keeps it for reloads, and takes it out of the address bar', () => {
    const deps = memoryDeps();
    const params = webBridgeParamsFromLocation(
      loc(`http://127.0.0.1:4000/?s=${SECRET}&x=1#/settings`),
      deps,
    );
    expect(params).toEqual({
      wsUrl: 'ws://127.0.0.1:4000/bridge',
      secret: SECRET,
      platform: 'linux',
    });
    expect(deps.stored.get(SECRET_STORAGE_KEY)).toBe(SECRET);
    expect(deps.replaced).toEqual(['/?x=1#/settings']);
    // A reload: the URL no longer has it; sessionStorage does.
    expect(webBridgeParamsFromLocation(loc('http://127.0.0.1:4000/?x=1#/settings'), deps)).toEqual(
      params,
    );
  });

  it('prefers a new secret in the URL over a stored one (a new launch)', () => {
    const deps = memoryDeps({ [SECRET_STORAGE_KEY]: 'old'.padEnd(43, 'x') });
    expect(
      webBridgeParamsFromLocation(loc(`http://127.0.0.1:4000/?s=${SECRET}`), deps)?.secret,
    ).toBe(SECRET);
  });

  it('leaves the URL alone when there is no storage to keep the secret in', () => {
    const deps = { ...memoryDeps(), storage: null };
    expect(
      webBridgeParamsFromLocation(loc(`http://127.0.0.1:4000/?s=${SECRET}`), deps)?.secret,
    ).toBe(SECRET);
    expect(deps.replaced).toEqual([]);
  });

  it('returns null without a usable secret or outside http(s), and maps https to wss', () => {
    expect(webBridgeParamsFromLocation(loc('http://127.0.0.1:4000/'), memoryDeps())).toBeNull();
    expect(
      webBridgeParamsFromLocation(loc('http://127.0.0.1:4000/?s=short'), memoryDeps()),
    ).toBeNull();
    expect(
      webBridgeParamsFromLocation(
        loc('http://127.0.0.1:4000/?s=%3Cscript%3E'.padEnd(60, 'a')),
        memoryDeps(),
      ),
    ).toBeNull();
    expect(
      webBridgeParamsFromLocation(loc(`app://ecabinet/?s=${SECRET}`), memoryDeps()),
    ).toBeNull();
    expect(
      webBridgeParamsFromLocation(loc(`https://host.example/?s=${SECRET}`), memoryDeps())?.wsUrl,
    ).toBe('wss://host.example/bridge');
  });

  it('maps navigator platforms to Node names', () => {
    expect(
      platformFromNavigator({
        platform: 'Linux x86_64',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      }),
    ).toBe('linux');
    expect(
      platformFromNavigator({
        platform: 'Win32',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      }),
    ).toBe('win32');
    expect(
      platformFromNavigator({
        platform: 'MacIntel',
        userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
      }),
    ).toBe('darwin');
  });
});

/** A scripted stand-in for the DOM WebSocket. */
class FakeSocket implements BridgeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.instances.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  // Test controls
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  push(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  lastRequest(): { id: number; channel: string; input: unknown } {
    return JSON.parse(this.sent.at(-1) ?? 'null') as {
      id: number;
      channel: string;
      input: unknown;
    };
  }
}

const latest = (): FakeSocket => {
  const socket = FakeSocket.instances.at(-1);
  if (!socket) throw new Error('no socket');
  return socket;
};

describe('createWebBridge', () => {
  let bridge: WebBridge;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.instances = [];
    bridge = createWebBridge(
      { wsUrl: 'ws://127.0.0.1:4000/bridge', secret: SECRET, platform: 'linux' },
      {
        WebSocket: FakeSocket,
        connectWaitMs: 1_000,
        requestTimeoutMs: 5_000,
        reconnectDelayMs: 100,
        maxReconnectDelayMs: 400,
      },
    );
  });

  afterEach(() => {
    bridge.close();
    vi.useRealTimers();
  });

  it('connects to the bridge URL with the secret and exposes a frozen web env', () => {
    expect(latest().url).toBe(`ws://127.0.0.1:4000/bridge?s=${SECRET}`);
    expect(bridge.env).toEqual({ host: 'web', platform: 'linux' });
    expect(Object.isFrozen(bridge.env)).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('refuses unknown channels without sending anything', async () => {
    latest().open();
    const unknownInvoke = bridge.invoke as (channel: string, input: unknown) => Promise<unknown>;
    expect(await unknownInvoke('fs:readFile', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'unknown channel' },
    });
    expect(latest().sent).toEqual([]);
  });

  it('queues calls until the socket opens, then matches replies by id', async () => {
    const call = bridge.invoke('settings:get', {});
    expect(latest().sent).toEqual([]);
    latest().open();
    const request = latest().lastRequest();
    expect(request).toEqual({ id: 1, channel: 'settings:get', input: {} });
    latest().push({ id: 99, result: { ok: true, value: 'stray' } }); // nobody waits for 99
    latest().push({
      id: request.id,
      result: { ok: true, value: { serverUrl: '', language: 'en' } },
    });
    expect(await call).toEqual({ ok: true, value: { serverUrl: '', language: 'en' } });
  });

  it('passes typed error results through and refuses replies outside the contract', async () => {
    latest().open();
    const failing = bridge.invoke('settings:set', { language: 'en' });
    latest().push({
      id: latest().lastRequest().id,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'bad' } },
    });
    expect(await failing).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad' } });
    const odd = bridge.invoke('app:info', {});
    latest().push({ id: latest().lastRequest().id, result: { ok: true, value: { version: 1 } } });
    expect(await odd).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });

  it('fails calls in flight with NOT_AVAILABLE on disconnect, reconnects with backoff, and sends queued calls', async () => {
    latest().open();
    const inFlight = bridge.invoke('settings:get', {});
    latest().drop();
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'the connection to the host was lost' },
    });
    expect(FakeSocket.instances).toHaveLength(1);
    const queued = bridge.invoke('app:info', {});
    vi.advanceTimersByTime(100);
    expect(FakeSocket.instances).toHaveLength(2);
    latest().drop(); // refused again: next delay doubles
    vi.advanceTimersByTime(199);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);
    latest().open();
    const request = latest().lastRequest();
    expect(request.channel).toBe('app:info');
    latest().push({
      id: request.id,
      result: { ok: true, value: { version: '1', host: 'web', platform: 'linux' } },
    });
    expect(await queued).toMatchObject({ ok: true });
  });

  it('caps the reconnect delay', () => {
    for (let i = 0; i < 6; i++) {
      latest().drop();
      vi.advanceTimersByTime(400);
    }
    expect(FakeSocket.instances).toHaveLength(7);
  });

  it('fails a call with NOT_AVAILABLE when no connection comes in time, and a sent call that gets no reply', async () => {
    const waiting = bridge.invoke('settings:get', {});
    vi.advanceTimersByTime(1_000);
    expect(await waiting).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'no connection to the host' },
    });
    latest().open();
    expect(latest().sent).toEqual([]); // the expired call is not sent late
    const unanswered = bridge.invoke('settings:get', {});
    vi.advanceTimersByTime(5_000);
    expect(await unanswered).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'the host did not answer in time' },
    });
  });

  it('refuses input that is not JSON or too large, locally', async () => {
    latest().open();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const loose = bridge.invoke as (channel: 'settings:set', input: unknown) => Promise<unknown>;
    expect(await loose('settings:set', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await loose('settings:set', { serverUrl: 'x'.repeat(1024 * 1024) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'input is too large' },
    });
    expect(latest().sent).toEqual([]);
  });

  it('delivers valid events to listeners, isolates a throwing listener, and unsubscribes', () => {
    latest().open();
    const seen: unknown[] = [];
    bridge.on('settings:changed', () => {
      throw new Error('faulty listener');
    });
    const off = bridge.on('settings:changed', (payload) => seen.push(payload));
    latest().push({ event: 'settings:changed', payload: { serverUrl: '', language: 'en' } });
    latest().push({ event: 'settings:changed', payload: { language: 'klingon' } }); // outside the schema: dropped
    latest().push({ event: 'fs:changed', payload: {} }); // unknown event: dropped
    latest().onmessage?.({ data: 'not json' });
    off();
    latest().push({ event: 'settings:changed', payload: { serverUrl: '', language: 'vi' } });
    expect(seen).toEqual([{ serverUrl: '', language: 'en' }]);
    const onUnknown = bridge.on as (event: string, listener: () => void) => () => void;
    expect(typeof onUnknown('fs:changed', () => {})).toBe('function');
  });

  it('close() fails pending calls and stops reconnecting', async () => {
    const pending = bridge.invoke('settings:get', {});
    bridge.close();
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'NOT_AVAILABLE', message: 'the bridge is closed' },
    });
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.instances).toHaveLength(1);
    expect(await bridge.invoke('settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE' },
    });
  });
});
