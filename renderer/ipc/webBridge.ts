import type { BridgeEnv, EcabinetBridge } from '../../shared/ipc/bridge.ts';
import { isChannel, isEventName, type Channel, type EventName } from '../../shared/ipc/channels.ts';
import { contract } from '../../shared/ipc/contract.ts';
import type { IpcErrorCode } from '../../shared/ipc/errors.ts';
import { events } from '../../shared/ipc/events.ts';
import {
  parseHostFrame,
  WEB_BRIDGE_MAX_FRAME_BYTES,
  WEB_BRIDGE_PATH,
  WEB_BRIDGE_SECRET_PARAM,
} from '../../shared/ipc/webBridgeProtocol.ts';
import { err, type Result } from '../../shared/util/result.ts';

/**
 * `window.ecabinet` in browser mode (development and evaluation): the same contract as the
 * Electron preload, carried over one WebSocket to the web host (electron/webhost), which runs
 * the same core and dispatcher. Protocol: shared/ipc/webBridgeProtocol.ts.
 */

/** Where the browser-mode host listens and the per-launch secret it requires. */
export interface WebBridgeParams {
  /** `ws://127.0.0.1:<port>/bridge`, without the secret. */
  wsUrl: string;
  secret: string;
  /** Node-style platform name (`linux`, `win32`, `darwin`), for `env.platform`. */
  platform: string;
}

/** sessionStorage key holding the secret once it has been taken out of the visible URL. */
export const SECRET_STORAGE_KEY = 'ecabinet.webBridge.secret';

/** A launch secret is base64url (the host makes 43 characters); anything else is ignored. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface LocationDeps {
  /** Per-tab storage that survives a reload (sessionStorage); null when unavailable. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Used to drop the secret from the address bar; null to leave the URL as it is. */
  history: Pick<History, 'replaceState' | 'state'> | null;
  platform: string;
}

function defaultLocationDeps(): LocationDeps {
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null; // storage disabled by the browser: reload then needs the URL with ?s= again
  }
  return { storage, history: window.history, platform: platformFromNavigator(navigator) };
}

/** Maps the browser's idea of the OS to Node's `process.platform` names. */
export function platformFromNavigator(nav: Pick<Navigator, 'platform' | 'userAgent'>): string {
  const hint = `${nav.platform} ${nav.userAgent}`.toLowerCase();
  if (hint.includes('win')) return 'win32';
  if (hint.includes('mac')) return 'darwin';
  if (hint.includes('linux') || hint.includes('x11')) return 'linux';
  return 'unknown';
}

/**
 * Reads the bridge parameters from the page URL (`?s=<secret>`, as printed by the web host).
 * The secret is then moved from the address bar into sessionStorage, so it is not left on
 * screen or in bookmarks while a reload of the tab keeps working. Null when the page was not
 * served by the web host (another scheme, or no secret anywhere).
 */
export function webBridgeParamsFromLocation(
  location: Pick<Location, 'protocol' | 'host' | 'href'>,
  deps: LocationDeps = defaultLocationDeps(),
): WebBridgeParams | null {
  const wsProtocol =
    location.protocol === 'http:' ? 'ws:' : location.protocol === 'https:' ? 'wss:' : null;
  if (!wsProtocol) return null;
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(WEB_BRIDGE_SECRET_PARAM);
  let secret: string | null = null;
  if (fromUrl !== null && SECRET_PATTERN.test(fromUrl)) {
    secret = fromUrl;
    try {
      deps.storage?.setItem(SECRET_STORAGE_KEY, fromUrl);
      // Only drop it from the URL once it is safely stored: a reload must still find it.
      if (deps.storage && deps.history) {
        url.searchParams.delete(WEB_BRIDGE_SECRET_PARAM);
        deps.history.replaceState(
          deps.history.state,
          '',
          `${url.pathname}${url.search}${url.hash}`,
        );
      }
    } catch {
      // Storage full or blocked: keep the secret in the URL.
    }
  } else {
    const stored = readStored(deps.storage);
    if (stored !== null && SECRET_PATTERN.test(stored)) secret = stored;
  }
  if (secret === null) return null;
  return {
    wsUrl: `${wsProtocol}//${location.host}${WEB_BRIDGE_PATH}`,
    secret,
    platform: deps.platform,
  };
}

function readStored(storage: LocationDeps['storage']): string | null {
  try {
    return storage?.getItem(SECRET_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The part of the DOM `WebSocket` the bridge uses; tests pass a fake or the `ws` package. */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface WebBridgeOptions {
  WebSocket?: new (url: string) => BridgeSocket;
  /** How long a call waits for a connection before it fails with NOT_AVAILABLE (ms). */
  connectWaitMs?: number;
  /** How long a sent call waits for its reply (ms); long work answers at once by contract. */
  requestTimeoutMs?: number;
  /** First reconnect delay (ms); doubles per failed attempt up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/** The bridge plus `close()`, which stops reconnecting (tests and page teardown). */
export interface WebBridge extends EcabinetBridge {
  close(): void;
}

interface PendingCall {
  readonly channel: Channel;
  readonly text: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  readonly resolve: (result: Result<unknown, IpcErrorCode>) => void;
}

/** `WebSocket.OPEN` (the same value in the DOM and in the `ws` package). */
const OPEN = 1;
/** RFC 6455 normal closure. */
const CLOSE_NORMAL = 1000;

/**
 * Opens the bridge. Calls made before the socket is open wait for it (up to `connectWaitMs`);
 * a call already sent when the connection drops fails with NOT_AVAILABLE rather than being
 * sent twice (the host may have applied it). The socket reconnects with backoff until closed.
 */
export function createWebBridge(
  params: WebBridgeParams,
  options: WebBridgeOptions = {},
): WebBridge {
  const Socket =
    options.WebSocket ?? (globalThis.WebSocket as unknown as new (url: string) => BridgeSocket);
  const connectWaitMs = options.connectWaitMs ?? 5_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const firstDelayMs = options.reconnectDelayMs ?? 250;
  const maxDelayMs = options.maxReconnectDelayMs ?? 5_000;
  const socketUrl = `${params.wsUrl}?${WEB_BRIDGE_SECRET_PARAM}=${encodeURIComponent(params.secret)}`;
  const encoder = new TextEncoder();

  const pending = new Map<number, PendingCall>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: BridgeSocket | null = null;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let nextId = 1;

  const settle = (id: number, result: Result<unknown, IpcErrorCode>): void => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  const sendCall = (id: number, call: PendingCall): void => {
    if (!socket || socket.readyState !== OPEN) return;
    socket.send(call.text);
    call.sent = true;
    clearTimeout(call.timer);
    call.timer = setTimeout(
      () => settle(id, err('NOT_AVAILABLE', 'the host did not answer in time')),
      requestTimeoutMs,
    );
  };

  const onHostFrame = (text: string): void => {
    const parsed = parseHostFrame(text);
    if (!parsed) return;
    if (parsed.kind === 'event') {
      const { event, payload } = parsed.frame;
      const checked = events[event].safeParse(payload);
      if (!checked.success) return;
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(checked.data);
        } catch {
          // One faulty listener must not stop delivery to the others.
        }
      }
      return;
    }
    const { id, result } = parsed.frame;
    if (id === null) return; // a reply to a frame we never sent malformed; nothing waits for it
    const call = pending.get(id);
    if (!call) return;
    if (!result.ok) return settle(id, result);
    const checked = contract[call.channel].output.safeParse(result.value);
    settle(
      id,
      checked.success
        ? { ok: true, value: checked.data }
        : err('INVALID_OUTPUT', `reply for ${call.channel} is outside the contract`),
    );
  };

  const scheduleReconnect = (): void => {
    if (closed || reconnectTimer) return;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failedAttempts, 16));
    failedAttempts += 1;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (closed) return;
    let s: BridgeSocket;
    try {
      s = new Socket(socketUrl);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      failedAttempts = 0;
      for (const [id, call] of pending) if (!call.sent) sendCall(id, call);
    };
    s.onmessage = (event) => {
      if (socket === s && typeof event.data === 'string') onHostFrame(event.data);
    };
    s.onerror = () => {
      // A close event always follows; the reconnect is handled there.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      for (const [id, call] of pending)
        if (call.sent) settle(id, err('NOT_AVAILABLE', 'the connection to the host was lost'));
      scheduleReconnect();
    };
  }

  const invoke = <C extends Channel>(
    channel: C,
    input: unknown,
  ): Promise<Result<unknown, IpcErrorCode>> => {
    if (!isChannel(channel)) return Promise.resolve(err('UNKNOWN_CHANNEL', 'unknown channel'));
    if (closed) return Promise.resolve(err('NOT_AVAILABLE', 'the bridge is closed'));
    const id = nextId++;
    let text: string;
    try {
      text = JSON.stringify({ id, channel, input });
    } catch {
      return Promise.resolve(err('INVALID_INPUT', 'input is not plain data'));
    }
    if (encoder.encode(text).byteLength > WEB_BRIDGE_MAX_FRAME_BYTES)
      return Promise.resolve(err('INVALID_INPUT', 'input is too large'));
    return new Promise((resolve) => {
      const call: PendingCall = {
        channel,
        text,
        sent: false,
        resolve,
        timer: setTimeout(
          () => settle(id, err('NOT_AVAILABLE', 'no connection to the host')),
          connectWaitMs,
        ),
      };
      pending.set(id, call);
      sendCall(id, call);
    });
  };

  const env: BridgeEnv = Object.freeze({ host: 'web', platform: params.platform });
  connect();

  return Object.freeze({
    invoke: invoke as EcabinetBridge['invoke'],
    on: (event: EventName, listener: (payload: never) => void): (() => void) => {
      if (!isEventName(event)) return () => {};
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    env,
    close: () => {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const s = socket;
      socket = null;
      s?.close(CLOSE_NORMAL, 'bridge closed');
      for (const id of [...pending.keys()])
        settle(id, err('NOT_AVAILABLE', 'the bridge is closed'));
    },
  }) satisfies WebBridge;
}
