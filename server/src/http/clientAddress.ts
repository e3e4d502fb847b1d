import type { IncomingMessage } from 'node:http';

/**
 * The client's address for rate limits and the audit log: the socket peer, or — only when the
 * server is configured to sit behind a trusted reverse proxy — the first X-Forwarded-For entry.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first !== undefined && first !== '') return first.slice(0, 100);
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(header.trim());
  return match?.[1] ?? null;
}
