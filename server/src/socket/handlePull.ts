import type { Socket } from 'socket.io';
import { pullRequestSchema } from '../../../shared/protocol/socket.ts';
import { err, ok } from '../../../shared/util/result.ts';
import { authenticateHash, type Principal } from '../auth/authService.ts';
import { pullChanges } from '../changes/pullChanges.ts';
import { errorFields } from '../log.ts';
import type { ServerContext } from '../ServerContext.ts';
import { isServerError } from '../ServerError.ts';

/** Pulls one socket may have waiting for the database at once; more are refused. */
export const MAX_PULLS_IN_FLIGHT = 4;

/** Per-socket state of the pull handler. */
export interface PullGate {
  inFlight: number;
}

/**
 * `pull` with an ack. The payload is parsed; a malformed one gets INVALID_INPUT and changes
 * nothing. The token is re-checked on every pull, so a token revoked or expired since the
 * handshake stops working at once, on every server process (the socket is then closed).
 * A device pulls one page at a time; a socket with MAX_PULLS_IN_FLIGHT pulls already waiting
 * gets RATE_LIMITED instead of queueing more work.
 */
export function handlePull(
  ctx: ServerContext,
  socket: Socket,
  gate: PullGate,
  args: unknown[],
): void {
  const ack = args.at(-1);
  if (typeof ack !== 'function') return; // nobody to answer; nothing to do
  const reply = (result: unknown): void => {
    (ack as (result: unknown) => void)(result);
  };
  const parsed = pullRequestSchema.safeParse(args.length >= 2 ? args[0] : undefined);
  if (!parsed.success) {
    reply(err('INVALID_INPUT', 'pull takes { since: integer >= 0, limit: 1..1000 }'));
    return;
  }
  if (gate.inFlight >= MAX_PULLS_IN_FLIGHT) {
    reply(err('RATE_LIMITED', 'wait for the answers to your earlier pulls'));
    return;
  }
  const data = socket.data as { principal?: Principal };
  const connected = data.principal;
  if (connected === undefined) {
    reply(err('UNAUTHENTICATED', 'log in first'));
    return;
  }
  gate.inFlight += 1;
  authenticateHash(ctx, connected.tokenHash, connected.address)
    .then(
      async (principal) => reply(ok(await pullChanges(ctx, principal, parsed.data))),
      (error: unknown) => {
        if (!isServerError(error)) throw error;
        reply(err(error.code, error.message));
        socket.disconnect(true);
      },
    )
    .catch((error: unknown) => {
      ctx.logger.error('pull failed', errorFields(error));
      reply(err('INTERNAL', 'internal error'));
    })
    .finally(() => {
      gate.inFlight -= 1;
    });
}
