import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { parseUrl } from '../../../shared/util/url.ts';

/** Builds a socket.io client socket; tests may wrap it (e.g. to route through a proxy). */
export type SocketFactory = (
  url: string,
  options: Partial<ManagerOptions & SocketOptions>,
) => Socket;

export const defaultSocketFactory: SocketFactory = (url, options) => io(url, options);

/**
 * Where the socket connects for a server URL that may carry a path prefix
 * (https://host/ecabinet → origin https://host, path /ecabinet/socket.io).
 */
export function socketEndpoint(serverUrl: string): { url: string; path: string } {
  const parsed = parseUrl(serverUrl);
  if (!parsed) throw new Error('invalid server URL');
  const prefix = parsed.pathname.replace(/\/+$/, '');
  return { url: parsed.origin, path: `${prefix}/socket.io` };
}
