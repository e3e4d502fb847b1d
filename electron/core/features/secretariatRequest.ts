import type { z } from 'zod';
import { IpcError, type IpcErrorCode } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { SyncSocket } from '../sync/openSyncSocket.ts';
import { requestAck } from '../sync/requestAck.ts';

export interface SecretariatRequestDeps {
  /** The connected sync socket, or null when offline. */
  socket: () => SyncSocket | null;
  /** The server refused the token: the session ends. */
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  /** Waiting for the server's answer, ms. */
  ackTimeoutMs: number;
  log: Logger;
}

/** Server codes passed through to the caller as they are; anything else is INTERNAL. */
const PASSED_THROUGH: readonly IpcErrorCode[] = [
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VOTING_CLOSED',
  'INVALID_INPUT',
  'RATE_LIMITED',
  'PROTOCOL_UNSUPPORTED',
];

function passedThrough(code: string): code is IpcErrorCode {
  return (PASSED_THROUGH as readonly string[]).includes(code);
}

/**
 * One secretariat operation over the sync socket (`vote:open`, `vote:close`,
 * `attendance:set`): online only and never queued. Offline, or no answer in time:
 * SERVER_UNREACHABLE; the token refused: the session ends (SESSION_EXPIRED); the server's typed
 * refusals pass through (FORBIDDEN, NOT_FOUND, CONFLICT, …); an answer outside `schema`:
 * INTERNAL.
 */
export async function secretariatRequest<S extends z.ZodType>(
  deps: SecretariatRequestDeps,
  event: string,
  payload: unknown,
  schema: S,
): Promise<z.output<S>> {
  const connection = deps.socket();
  if (!connection) throw new IpcError('SERVER_UNREACHABLE', `${event} works online only`);
  const outcome = await requestAck(
    connection.socket,
    connection.gone,
    event,
    payload,
    deps.ackTimeoutMs,
  );
  switch (outcome.kind) {
    case 'gone':
    case 'no-answer':
      throw new IpcError('SERVER_UNREACHABLE', `${event}: no answer from the server`);
    case 'auth-failed':
      deps.onAuthFailure(outcome.reason);
      throw new IpcError('SESSION_EXPIRED', 'the session has ended; sign in again');
    case 'refused':
      if (passedThrough(outcome.code)) throw new IpcError(outcome.code, outcome.message);
      deps.log.warn('secretariat operation refused', { event, code: outcome.code });
      throw new IpcError('INTERNAL', `${event} refused: ${outcome.code}`);
    case 'malformed':
      throw new IpcError('INTERNAL', `${event}: answer outside the protocol`);
    case 'value': {
      const parsed = schema.safeParse(outcome.value);
      if (!parsed.success) throw new IpcError('INTERNAL', `${event}: answer outside the protocol`);
      return parsed.data;
    }
  }
}
