import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import { SERVER_ERROR_CODES } from '../../../shared/protocol/errors.ts';
import {
  pullResponseSchema,
  SOCKET_EVENTS,
  type PullRequest,
  type PullResponse,
} from '../../../shared/protocol/socket.ts';
import { authRefusal } from './authRefusal.ts';

/** What one `pull` came back with. Nothing here is trusted until it is a `page`. */
export type PageOutcome =
  | { kind: 'page'; page: PullResponse }
  /** The socket was dropped while waiting: the answer, if any, is for nobody. */
  | { kind: 'gone' }
  | { kind: 'no-answer'; reason: string }
  /** The server refused the token: the session ends. */
  | { kind: 'auth-failed'; reason: 'expired' | 'revoked' }
  /** Any other error ack; `code` is a known server code or 'unknown'. */
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'malformed'; issues: string[] };

const ackSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * Sends one `pull` and waits for its ack (at most `ackTimeoutMs`, or until `gone` settles).
 * The ack is `Result<PullResponse>`; the page is validated with the shared zod schema, so a
 * malformed page is reported, never applied.
 */
export async function requestPage(
  socket: Socket,
  gone: Promise<unknown>,
  request: PullRequest,
  ackTimeoutMs: number,
): Promise<PageOutcome> {
  const GONE = Symbol('gone');
  let raw: unknown;
  try {
    const ack: Promise<unknown> = socket
      .timeout(ackTimeoutMs)
      .emitWithAck(SOCKET_EVENTS.pull, request);
    ack.catch(() => {}); // may reject after the socket was dropped, when nobody listens
    raw = await Promise.race([ack, gone.then(() => GONE)]);
  } catch (error) {
    return { kind: 'no-answer', reason: String(error) };
  }
  if (raw === GONE) return { kind: 'gone' };
  const ack = ackSchema.safeParse(raw);
  if (!ack.success) return { kind: 'malformed', issues: ['ack is not a Result'] };
  if (!ack.data.ok) {
    const { code, message } = ack.data.error;
    const reason = authRefusal(code);
    if (reason) return { kind: 'auth-failed', reason };
    const known = (SERVER_ERROR_CODES as readonly string[]).includes(code);
    return { kind: 'refused', code: known ? code : 'unknown', message };
  }
  const page = pullResponseSchema.safeParse(ack.data.value);
  if (!page.success)
    return {
      kind: 'malformed',
      issues: page.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  return { kind: 'page', page: page.data };
}
