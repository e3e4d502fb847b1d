import type { Socket } from 'socket.io';
import { pushRequestSchema } from '../../../shared/protocol/push.ts';
import {
  attendanceSetRequestSchema,
  SECRETARIAT_EVENTS,
  voteCloseRequestSchema,
  voteOpenRequestSchema,
} from '../../../shared/protocol/secretariat.ts';
import { SOCKET_EVENTS } from '../../../shared/protocol/socket.ts';
import { setAttendanceAs } from '../meetings/attendanceService.ts';
import { applyPush } from '../push/applyPush.ts';
import type { ServerContext } from '../ServerContext.ts';
import { closeVote, openVote } from '../votes/voteService.ts';
import { handleAckedEvent, type EventGate } from './handleAckedEvent.ts';

/**
 * A device pushes one batch at a time (its outbox is ordered); two let a retry after a lost
 * ack overlap the original, which is harmless (the client row lock orders them).
 */
export const MAX_PUSHES_IN_FLIGHT = 2;
/** vote:open / vote:close waiting per socket. */
export const MAX_VOTE_OPS_IN_FLIGHT = 4;

/** The write events a socket accepts besides `pull`, by name. */
export const WRITE_EVENTS: readonly string[] = [
  SOCKET_EVENTS.push,
  SECRETARIAT_EVENTS.voteOpen,
  SECRETARIAT_EVENTS.voteClose,
  SECRETARIAT_EVENTS.attendanceSet,
];

/**
 * Binds the write path on one socket:
 * - `push` (shared/protocol/push.ts) → Result<PushResponse>: push/applyPush.ts;
 * - `vote:open`, `vote:close` (shared/protocol/secretariat.ts) → Result<{ vote }>: FORBIDDEN
 *   for members (checked on the re-read token's role), see votes/voteService.ts;
 * - `attendance:set` → Result<{ attendance }>: the roll call, staff only, see
 *   meetings/attendanceService.ts (shares the vote operations' in-flight limit).
 */
export function bindWriteEvents(ctx: ServerContext, socket: Socket): void {
  const pushGate: EventGate = { inFlight: 0 };
  const voteGate: EventGate = { inFlight: 0 };
  socket.on(SOCKET_EVENTS.push, (...args: unknown[]) =>
    handleAckedEvent(
      ctx,
      socket,
      pushGate,
      {
        name: 'push',
        schema: pushRequestSchema,
        maxInFlight: MAX_PUSHES_IN_FLIGHT,
        run: (principal, request) => applyPush(ctx, principal, request),
      },
      args,
    ),
  );
  socket.on(SECRETARIAT_EVENTS.voteOpen, (...args: unknown[]) =>
    handleAckedEvent(
      ctx,
      socket,
      voteGate,
      {
        name: SECRETARIAT_EVENTS.voteOpen,
        schema: voteOpenRequestSchema,
        maxInFlight: MAX_VOTE_OPS_IN_FLIGHT,
        run: async (principal, request) => ({ vote: await openVote(ctx, principal, request) }),
      },
      args,
    ),
  );
  socket.on(SECRETARIAT_EVENTS.voteClose, (...args: unknown[]) =>
    handleAckedEvent(
      ctx,
      socket,
      voteGate,
      {
        name: SECRETARIAT_EVENTS.voteClose,
        schema: voteCloseRequestSchema,
        maxInFlight: MAX_VOTE_OPS_IN_FLIGHT,
        run: async (principal, request) => ({ vote: await closeVote(ctx, principal, request) }),
      },
      args,
    ),
  );
  socket.on(SECRETARIAT_EVENTS.attendanceSet, (...args: unknown[]) =>
    handleAckedEvent(
      ctx,
      socket,
      voteGate,
      {
        name: SECRETARIAT_EVENTS.attendanceSet,
        schema: attendanceSetRequestSchema,
        maxInFlight: MAX_VOTE_OPS_IN_FLIGHT,
        run: async (principal, request) => ({
          attendance: await setAttendanceAs(ctx, principal, request),
        }),
      },
      args,
    ),
  );
}
