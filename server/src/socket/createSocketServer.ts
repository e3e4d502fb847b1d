import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type { News } from '../../../shared/protocol/socket.ts';
import { SOCKET_EVENTS } from '../../../shared/protocol/socket.ts';
import { err } from '../../../shared/util/result.ts';
import { isStaff, type Principal } from '../auth/authService.ts';
import { errorFields } from '../log.ts';
import { meetingsVisibleToMember } from '../meetings/meetingAccess.ts';
import type { ServerContext } from '../ServerContext.ts';
import { isServerError } from '../ServerError.ts';
import { authenticateSocket } from './authenticateSocket.ts';
import { handlePull } from './handlePull.ts';
import { createNewsAnnouncer } from './announceNews.ts';
import { rooms } from './rooms.ts';
import { bindWriteEvents, WRITE_EVENTS } from './writeEvents.ts';

export interface SocketData {
  /** Set by the handshake middleware before `connection`; never taken from a payload. */
  principal?: Principal;
}

export type IoServer = Server<
  Record<string, never>,
  { news: (news: News) => void },
  Record<string, never>,
  SocketData
>;
export type IoSocket = Socket<
  Record<string, never>,
  { news: (news: News) => void },
  Record<string, never>,
  SocketData
>;

export interface SocketLayer {
  readonly io: IoServer;
  close(): Promise<void>;
}

/** How long a client has to complete the socket.io handshake; ms. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * socket.io on the HTTP server's port. A connection must authenticate in its handshake
 * (`connect_error` with data { code, message } otherwise). Each socket joins:
 * `user:<id>`, `token:<tokenId>` (to be cut off when that token is revoked), `staff` for
 * secretariat/admin, and `meeting:<id>` for each meeting a member may see (kept in step by the
 * access changes). News go to the rooms of everyone who may see a committed entry, with the
 * entries inlined when everyone there may see them all (announceNews.ts).
 * Events: `pull` (handlePull.ts) and the write path — `push`, `vote:open`, `vote:close`
 * (writeEvents.ts); any other event with an ack gets INVALID_INPUT.
 */
export async function createSocketServer(
  httpServer: HttpServer,
  ctx: ServerContext,
): Promise<SocketLayer> {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: ctx.config.socketMaxMessageBytes,
    connectTimeout: CONNECT_TIMEOUT_MS,
  });

  const closers: (() => Promise<void>)[] = [];
  if (ctx.config.redisUrl !== undefined) {
    const pub = createClient({ url: ctx.config.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (error: unknown) => ctx.logger.error('redis (pub) error', errorFields(error)));
    sub.on('error', (error: unknown) => ctx.logger.error('redis (sub) error', errorFields(error)));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closers.push(async () => {
      await Promise.allSettled([pub.close(), sub.close()]);
    });
  }

  io.use((socket, next) => {
    authenticateSocket(ctx, socket).then(
      (principal) => {
        socket.data.principal = principal;
        next();
      },
      (error: unknown) => {
        const code = isServerError(error) ? error.code : 'INTERNAL';
        const message = isServerError(error) ? error.message : 'internal error';
        if (!isServerError(error))
          ctx.logger.error('socket authentication failed', errorFields(error));
        const refusal = new Error(message) as Error & { data: { code: string; message: string } };
        refusal.data = { code, message };
        next(refusal);
      },
    );
  });

  io.on('connection', (socket) => {
    const principal = socket.data.principal;
    if (principal === undefined) {
      socket.disconnect(true);
      return;
    }
    // The user room first: an access change committed from now on reaches this socket.
    void socket.join([
      rooms.user(principal.userId),
      rooms.token(principal.tokenId),
      ...(isStaff(principal.role) ? [rooms.staff] : [rooms.settling]),
    ]);
    if (!isStaff(principal.role)) {
      joinMeetingRooms(ctx, socket, principal.userId).catch((error: unknown) =>
        ctx.logger.error('joining meeting rooms failed', errorFields(error)),
      );
    }
    const gate = { inFlight: 0 };
    socket.on(SOCKET_EVENTS.pull, (...args: unknown[]) => handlePull(ctx, socket, gate, args));
    bindWriteEvents(ctx, socket);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === SOCKET_EVENTS.pull || WRITE_EVENTS.includes(event)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function')
        (ack as (result: unknown) => void)(
          err('INVALID_INPUT', `unknown event: ${event.slice(0, 50)}`),
        );
    });
  });

  const announcer = createNewsAnnouncer(io, ctx.logger, {
    sharedLog: ctx.config.redisUrl !== undefined,
  });
  const unsubscribeCommitted = ctx.hooks.onCommitted((committed) => announcer.announce(committed));
  const unsubscribeRevoked = ctx.hooks.onTokensRevoked((tokenIds) =>
    io.in(tokenIds.map(rooms.token)).disconnectSockets(true),
  );

  return {
    io,
    close: async () => {
      unsubscribeCommitted();
      unsubscribeRevoked();
      await announcer.idle();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      for (const close of closers) await close();
    },
  };
}

/**
 * Joins the rooms of the meetings `userId` may see, then reads them again and leaves those
 * no longer visible: an access loss committed between the first read and the join had its
 * room change applied before the join (a no-op then), and the second read sees it; one
 * committed after the second read is applied by its hook after the join. Until this is done
 * the socket stays in rooms.settling, so it gets no news with entries inlined. On failure it
 * leaves the rooms it joined here (it still pulls; news may then be missed until reconnect).
 */
async function joinMeetingRooms(
  ctx: ServerContext,
  socket: IoSocket,
  userId: string,
): Promise<void> {
  try {
    const joined = (await meetingsVisibleToMember(ctx.db, userId)).map(rooms.meeting);
    try {
      await socket.join(joined);
      const still = new Set((await meetingsVisibleToMember(ctx.db, userId)).map(rooms.meeting));
      for (const room of joined) if (!still.has(room)) await socket.leave(room);
    } catch (error) {
      for (const room of joined) await socket.leave(room);
      throw error;
    }
  } finally {
    await socket.leave(rooms.settling);
  }
}
