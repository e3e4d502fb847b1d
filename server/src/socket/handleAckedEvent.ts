import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { err, ok } from '../../../shared/util/result.ts';
import { authenticateHash, type Principal } from '../auth/authService.ts';
import { errorFields } from '../log.ts';
import type { ServerContext } from '../ServerContext.ts';
import { isServerError, ServerError } from '../ServerError.ts';

/** Per-socket, per-event count of requests waiting for their answer. */
export interface EventGate {
  inFlight: number;
}

export interface AckedEvent<S extends z.ZodType, T> {
  /** For the log and messages. */
  name: string;
  schema: S;
  /** At most this many requests of this event may wait per socket; more get RATE_LIMITED. */
  maxInFlight: number;
  run(principal: Principal, input: z.output<S>): Promise<T>;
}

/**
 * The common shape of a client → server event with an ack (`Result<T>`), as `pull` has it:
 * 1. no ack function → ignored (nobody to answer);
 * 2. the payload is parsed with the event's schema → INVALID_INPUT, nothing changes;
 * 3. more than `maxInFlight` waiting on this socket → RATE_LIMITED;
 * 4. the token is checked again (revoked or expired since the handshake → that code, then the
 *    socket is closed: a revoked device cannot act through a connection it already had);
 * 5. `run` with the fresh principal → ok(value); a ServerError → its code; anything else →
 *    INTERNAL (logged; nothing internal is sent).
 */
export function handleAckedEvent<S extends z.ZodType, T>(
  ctx: ServerContext,
  socket: Socket,
  gate: EventGate,
  event: AckedEvent<S, T>,
  args: unknown[],
): void {
  const ack = args.at(-1);
  if (typeof ack !== 'function') return;
  const reply = (result: unknown): void => {
    (ack as (result: unknown) => void)(result);
  };
  const parsed = event.schema.safeParse(args.length >= 2 ? args[0] : undefined);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where =
      first === undefined || first.path.length === 0 ? '' : ` (${first.path.join('.')})`;
    reply(err('INVALID_INPUT', `${event.name}: ${first?.message ?? 'invalid payload'}${where}`));
    return;
  }
  if (gate.inFlight >= event.maxInFlight) {
    reply(err('RATE_LIMITED', `wait for the answers to your earlier ${event.name} requests`));
    return;
  }
  const connected = (socket.data as { principal?: Principal }).principal;
  if (connected === undefined) {
    reply(err('UNAUTHENTICATED', 'log in first'));
    return;
  }
  gate.inFlight += 1;
  void (async () => {
    let principal: Principal;
    try {
      principal = await authenticateHash(ctx, connected.tokenHash, connected.address);
    } catch (error) {
      const failure = isServerError(error) ? error : new ServerError('INTERNAL', 'internal error');
      if (!isServerError(error)) ctx.logger.error(`${event.name}: auth failed`, errorFields(error));
      reply(err(failure.code, failure.message));
      socket.disconnect(true);
      return;
    }
    try {
      reply(ok(await event.run(principal, parsed.data)));
    } catch (error) {
      if (isServerError(error)) {
        reply(err(error.code, error.message));
        return;
      }
      ctx.logger.error(`${event.name} failed`, errorFields(error));
      reply(err('INTERNAL', 'internal error'));
    }
  })().finally(() => {
    gate.inFlight -= 1;
  });
}
