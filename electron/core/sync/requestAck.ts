import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import { authRefusal } from './authRefusal.ts';

/** What one event with an ack came back with. Nothing in `value` is trusted yet. */
export type AckOutcome =
  | { kind: 'value'; value: unknown }
  /** The socket was dropped while waiting: the answer, if any, is for nobody. */
  | { kind: 'gone' }
  /** No ack in time, or the socket failed. */
  | { kind: 'no-answer'; reason: string }
  /** The server refused the token: the session ends. */
  | { kind: 'auth-failed'; reason: 'expired' | 'revoked' }
  /** Any other error ack, with the server's code as sent. */
  | { kind: 'refused'; code: string; message: string }
  /** The ack is not a `Result`. */
  | { kind: 'malformed'; issues: string[] };

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * Emits `event` with `payload` and waits for its ack (at most `ackTimeoutMs`, or until `gone`
 * settles). Acks carry `Result<T, code>` (shared/util/result.ts); the caller parses `value`.
 */
export async function requestAck(
  socket: Socket,
  gone: Promise<unknown>,
  event: string,
  payload: unknown,
  ackTimeoutMs: number,
): Promise<AckOutcome> {
  const GONE = Symbol('gone');
  let raw: unknown;
  try {
    const ack: Promise<unknown> = socket.timeout(ackTimeoutMs).emitWithAck(event, payload);
    ack.catch(() => {}); // may reject after the socket was dropped, when nobody listens
    raw = await Promise.race([ack, gone.then(() => GONE)]);
  } catch (error) {
    return { kind: 'no-answer', reason: String(error) };
  }
  if (raw === GONE) return { kind: 'gone' };
  const result = resultSchema.safeParse(raw);
  if (!result.success) return { kind: 'malformed', issues: ['ack is not a Result'] };
  if (result.data.ok) return { kind: 'value', value: result.data.value };
  const { code, message } = result.data.error;
  const reason = authRefusal(code);
  if (reason) return { kind: 'auth-failed', reason };
  return { kind: 'refused', code, message };
}
