import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS, type ServerErrorCode } from '../../../shared/protocol/errors.ts';

/** Headers on every API response: nothing is cached, nothing is sniffed. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** How long a refused upload may keep sending before its connection is cut; ms. */
const DRAIN_GRACE_MS = 2_000;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, BASE_HEADERS);
  res.end();
}

/**
 * Every error body is `{ error: { code, message } }`. When the request body has not been read
 * to its end (a refused upload, a body over the limit), the response says `Connection: close`,
 * the rest of the body is discarded unread (never buffered) and the connection is cut after a
 * short grace, so the client can still read the answer.
 */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  code: ServerErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const unread = !req.complete;
  sendJson(
    res,
    HTTP_STATUS[code],
    { error: { code, message } },
    unread ? { ...headers, Connection: 'close' } : headers,
  );
  if (unread) {
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), DRAIN_GRACE_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
  }
}
