import type { Socket } from 'socket.io-client';
import { SERVER_ERROR_CODES } from '../../../shared/protocol/errors.ts';
import {
  pullResponseSchema,
  SOCKET_EVENTS,
  type PullRequest,
  type PullResponse,
} from '../../../shared/protocol/socket.ts';
import { requestAck } from './requestAck.ts';

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
  const outcome = await requestAck(socket, gone, SOCKET_EVENTS.pull, request, ackTimeoutMs);
  if (outcome.kind === 'refused') {
    const known = (SERVER_ERROR_CODES as readonly string[]).includes(outcome.code);
    return { kind: 'refused', code: known ? outcome.code : 'unknown', message: outcome.message };
  }
  if (outcome.kind !== 'value') return outcome;
  const page = pullResponseSchema.safeParse(outcome.value);
  if (!page.success)
    return {
      kind: 'malformed',
      issues: page.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  return { kind: 'page', page: page.data };
}
