import type { Socket } from 'socket.io-client';
import {
  connectErrorDataSchema,
  newsSchema,
  SOCKET_EVENTS,
  type News,
} from '../../../shared/protocol/socket.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { socketEndpoint, type SocketFactory } from './SocketFactory.ts';

/** One socket.io connection attempt and its life; dropped for good by `drop()`. */
export interface SyncSocket {
  readonly socket: Socket;
  /** Settles when the socket is dropped: an ack awaited after that is for nobody. */
  readonly gone: Promise<void>;
  /** Removes every listener and disconnects. Idempotent. */
  drop(): void;
}

export interface SyncSocketHandlers {
  onConnect(): void;
  /** `code` from the server's connect_error data, or null for a network failure or timeout. */
  onConnectError(code: string | null, message: string): void;
  onDisconnect(reason: string): void;
  /**
   * A `news` (shared/protocol/socket.ts newsSchema): parsed, or null when it did not parse
   * (nothing of it is trusted; the engine pulls as for a hint).
   */
  onNews(news: News | null): void;
}

/**
 * Opens a socket to the server with the protocol's handshake auth, websocket transport only and
 * socket.io's own reconnection off (the engine runs its own backoff). Payloads from the server
 * are parsed before they reach a handler; events of a dropped socket never do.
 */
export function openSyncSocket(
  factory: SocketFactory,
  credentials: { serverUrl: string; token: string; deviceId: string },
  connectTimeoutMs: number,
  handlers: SyncSocketHandlers,
): SyncSocket {
  const endpoint = socketEndpoint(credentials.serverUrl);
  const socket = factory(endpoint.url, {
    path: endpoint.path,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    timeout: connectTimeoutMs,
    auth: {
      token: credentials.token,
      protocolVersion: PROTOCOL_VERSION,
      deviceId: credentials.deviceId,
    },
  });
  let dropped = false;
  let settle = (): void => {};
  const gone = new Promise<void>((resolve) => {
    settle = resolve;
  });
  socket.on('connect', () => {
    if (!dropped) handlers.onConnect();
  });
  socket.on('connect_error', (error: Error & { data?: unknown }) => {
    if (dropped) return;
    const data = connectErrorDataSchema.safeParse(error.data);
    handlers.onConnectError(data.success ? data.data.code : null, error.message);
  });
  socket.on('disconnect', (reason) => {
    if (!dropped) handlers.onDisconnect(reason);
  });
  socket.on(SOCKET_EVENTS.news, (payload: unknown) => {
    const news = newsSchema.safeParse(payload);
    if (!dropped) handlers.onNews(news.success ? news.data : null);
  });
  socket.connect();
  return {
    socket,
    gone,
    drop: () => {
      if (dropped) return;
      dropped = true;
      settle();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
