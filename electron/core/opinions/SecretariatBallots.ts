import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';
import { IpcError, type IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { errorBodySchema } from '../../../shared/protocol/auth.ts';
import {
  BALLOT_ROUTES,
  opinionBallotResponseSchema,
  sendRemindersResponseSchema,
} from '../../../shared/protocol/ballots.ts';
import type { Logger } from '../log/logger.ts';
import type { FetchLike } from '../session/requestLogin.ts';

/** How long the secretariat waits for the server's answer, ms. */
export const SECRETARIAT_REQUEST_TIMEOUT_MS = 15_000;

export interface SecretariatBallotsDeps {
  fetch: FetchLike;
  /** The signed-in session, or null (then NOT_LOGGED_IN). */
  credentials: () => { serverUrl: string; token: string } | null;
  /** The server refused the token: the session ends. */
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  /** The server changed something this device shows: pull now rather than wait for the hint. */
  onChanged: () => void;
  log: Logger;
  timeoutMs?: number;
}

/** Server codes passed through as they are; anything else is INTERNAL. */
const PASSED_THROUGH: readonly IpcErrorCode[] = [
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_INPUT',
  'RATE_LIMITED',
];

function passedThrough(code: string): code is IpcErrorCode {
  return (PASSED_THROUGH as readonly string[]).includes(code);
}

/**
 * What the secretariat does to a written-opinion ballot on the server: close it (its result is
 * stored, later opinions are refused BALLOT_CLOSED) and remind members who have not answered.
 * Online only and never queued (a reminder sent late from a device that was offline, or a close
 * that lands after more opinions came in, would surprise): offline it fails SERVER_UNREACHABLE.
 * The server checks the role (FORBIDDEN for members). What changed arrives by the pull that
 * follows, like any server change.
 */
export class SecretariatBallots {
  private readonly deps: SecretariatBallotsDeps;

  constructor(deps: SecretariatBallotsDeps) {
    this.deps = deps;
  }

  async close(ballotId: string): Promise<{ ballot: OpinionBallot }> {
    const json = await this.post(BALLOT_ROUTES.ballotClose(ballotId), {});
    const parsed = opinionBallotResponseSchema.safeParse(json);
    if (!parsed.success) throw new IpcError('INTERNAL', 'close: answer outside the protocol');
    this.deps.onChanged();
    return parsed.data;
  }

  /** Reminds `memberIds` (or every member who has not answered); returns who was reminded. */
  async remind(ballotId: string, memberIds?: string[]): Promise<{ memberIds: string[] }> {
    const body = memberIds === undefined ? {} : { memberIds };
    const json = await this.post(BALLOT_ROUTES.ballotReminders(ballotId), body);
    const parsed = sendRemindersResponseSchema.safeParse(json);
    if (!parsed.success) throw new IpcError('INTERNAL', 'remind: answer outside the protocol');
    return { memberIds: parsed.data.reminders.map((r) => r.memberId) };
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const session = this.deps.credentials();
    if (!session) throw new IpcError('NOT_LOGGED_IN', 'sign in first');
    let response: Response;
    try {
      response = await this.deps.fetch(`${session.serverUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${session.token}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? SECRETARIAT_REQUEST_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new IpcError(
        'SERVER_UNREACHABLE',
        `${path}: no answer (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok) return json;
    const error = errorBodySchema.safeParse(json).data?.error;
    const code = error?.code ?? '';
    if (code === 'TOKEN_EXPIRED' || code === 'TOKEN_REVOKED' || response.status === 401) {
      this.deps.onAuthFailure(code === 'TOKEN_REVOKED' ? 'revoked' : 'expired');
      throw new IpcError('SESSION_EXPIRED', 'the session has ended; sign in again');
    }
    if (passedThrough(code)) throw new IpcError(code, error?.message ?? code);
    if (response.status >= 500)
      throw new IpcError('SERVER_UNREACHABLE', `${path}: server error ${response.status}`);
    this.deps.log.warn('ballot operation refused', { path, status: response.status, code });
    throw new IpcError('INTERNAL', `${path} refused: ${code || response.status}`);
  }
}
