import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer, type Socket } from 'socket.io';
import type { User } from '../../shared/domain/user.ts';
import { loginRequestSchema } from '../../shared/protocol/auth.ts';
import type { Change } from '../../shared/protocol/changes.ts';
import { handshakeAuthSchema, pullRequestSchema } from '../../shared/protocol/socket.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../shared/protocol/version.ts';
import { sha256Hex } from './syncFixtures.ts';

/**
 * A small stand-in for the sync server, speaking shared/protocol, for unit tests of the core
 * that must not depend on the real server (which has its own integration tests). Knobs let a
 * test break things on purpose: malformed pages, expired or revoked tokens, corrupt blobs,
 * ignored Range headers, cuts.
 */
export interface FakeSyncServer {
  readonly url: string;
  readonly port: number;
  /** Appends changes to the log and sends a `news` hint to every connected socket. */
  publish(changes: Change[], options?: { hint?: boolean }): void;
  /** Sends this `news` payload, as is, to every connected socket (inlined or malformed news). */
  emitNews(payload: unknown): void;
  addBlob(bytes: Buffer): string;
  addUser(user: User, password: string): void;
  /** Every pull request received, in order. */
  readonly pulls: { since: number; limit: number }[];
  /** Every blob request: sha and the Range header. */
  readonly blobRequests: { sha256: string; range: string | null }[];
  readonly logins: unknown[];
  /** Every token issued, in order. */
  readonly issuedTokens: string[];
  knobs: {
    /** Answer the next N pulls with a malformed page. */
    malformedPages: number;
    /** Serve these bytes instead of the real blob (N times). */
    corruptBlob: { sha256: string; times: number } | null;
    /** Destroy the connection after this many body bytes (N times). */
    cutBlobAfter: { bytes: number; times: number } | null;
    ignoreRange: boolean;
    rateLimited: boolean;
    /** Protocol refused at login and at connect. */
    protocolRefused: boolean;
    /** Delay before answering a pull, ms. */
    pullDelayMs: number;
  };
  /** The change log as published so far (read only). */
  changes(): readonly Change[];
  userById(id: string): User | null;
  /**
   * Handles a socket event with an ack (e.g. `push`, `vote:open`): `handler` gets the
   * authenticated user's id and the payload, and returns the ack value (a Result).
   */
  handleEvent(event: string, handler: (userId: string, payload: unknown) => unknown): void;
  /** Marks every token issued so far as expired or revoked, and disconnects their sockets. */
  killTokens(reason: 'TOKEN_EXPIRED' | 'TOKEN_REVOKED'): void;
  connectedSockets(): number;
  /** An outage: drops every connection and stops listening; state (tokens, log) is kept. */
  suspend(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSyncServer(): Promise<FakeSyncServer> {
  const users = new Map<string, { user: User; password: string }>();
  const tokens = new Map<
    string,
    { userId: string; dead: 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | null }
  >();
  const log: Change[] = [];
  const blobs = new Map<string, Buffer>();
  const pulls: { since: number; limit: number }[] = [];
  const blobRequests: { sha256: string; range: string | null }[] = [];
  const logins: unknown[] = [];
  const issuedTokens: string[] = [];
  const knobs: FakeSyncServer['knobs'] = {
    malformedPages: 0,
    corruptBlob: null,
    cutBlobAfter: null,
    ignoreRange: false,
    rateLimited: false,
    protocolRefused: false,
    pullDelayMs: 0,
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string): void =>
    json(res, status, { error: { code, message: code } });
  const bearer = (req: IncomingMessage): { userId: string; dead: string | null } | null => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return match?.[1] ? (tokens.get(match[1]) ?? null) : null;
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/api/auth/login') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const parsed = loginRequestSchema.safeParse(JSON.parse(body || 'null'));
        logins.push(parsed.success ? parsed.data : body);
        if (!parsed.success) return error(res, 400, 'INVALID_INPUT');
        if (
          knobs.protocolRefused ||
          !SUPPORTED_PROTOCOL_VERSIONS.includes(parsed.data.protocolVersion)
        )
          return error(res, 426, 'PROTOCOL_UNSUPPORTED');
        if (knobs.rateLimited) return error(res, 429, 'RATE_LIMITED');
        const entry = [...users.values()].find((u) => u.user.username === parsed.data.username);
        if (!entry || entry.password !== parsed.data.password)
          return error(res, 401, 'INVALID_CREDENTIALS');
        const token = randomBytes(24).toString('base64url');
        tokens.set(token, { userId: entry.user.id, dead: null });
        issuedTokens.push(token);
        const now = new Date().toISOString();
        json(res, 200, {
          token,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          user: entry.user,
          serverTime: now,
        });
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/auth/logout') {
      const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      const entry = match?.[1] ? tokens.get(match[1]) : undefined;
      if (entry) entry.dead = 'TOKEN_REVOKED';
      res.writeHead(204).end();
      return;
    }
    const blobMatch = /^\/api\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (req.method === 'GET' && blobMatch?.[1]) {
      const sha = blobMatch[1];
      blobRequests.push({ sha256: sha, range: req.headers.range ?? null });
      const auth = bearer(req);
      if (!auth) return error(res, 401, 'UNAUTHENTICATED');
      if (auth.dead) return error(res, 401, auth.dead);
      let bytes = blobs.get(sha);
      if (!bytes) return error(res, 404, 'NOT_FOUND');
      if (knobs.corruptBlob?.sha256 === sha && knobs.corruptBlob.times > 0) {
        knobs.corruptBlob.times--;
        bytes = Buffer.from(bytes);
        bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      }
      let start = 0;
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (range?.[1] && !knobs.ignoreRange) {
        start = Number(range[1]);
        if (start >= bytes.length) return error(res, 416, 'RANGE_NOT_SATISFIABLE');
      }
      const body = bytes.subarray(start);
      const headers = {
        'content-type': 'application/pdf',
        etag: `"${sha}"`,
        'content-length': String(body.length),
        'accept-ranges': 'bytes',
      };
      if (start > 0)
        res.writeHead(206, {
          ...headers,
          'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`,
        });
      else res.writeHead(200, headers);
      const cut = knobs.cutBlobAfter;
      if (cut && cut.times > 0 && cut.bytes < body.length) {
        cut.times--;
        res.write(body.subarray(0, cut.bytes), () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      }
      res.end(body);
      return;
    }
    error(res, 404, 'NOT_FOUND');
  });
  const io = new SocketServer(http, { transports: ['websocket'] });
  const sockets = new Map<Socket, string>();
  const eventHandlers = new Map<string, (userId: string, payload: unknown) => unknown>();

  io.use((socket, next) => {
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    const fail = (code: string): void =>
      next(Object.assign(new Error(code), { data: { code, message: code } }));
    if (!auth.success) return fail('UNAUTHENTICATED');
    if (knobs.protocolRefused || !SUPPORTED_PROTOCOL_VERSIONS.includes(auth.data.protocolVersion))
      return fail('PROTOCOL_UNSUPPORTED');
    const token = tokens.get(auth.data.token);
    if (!token) return fail('UNAUTHENTICATED');
    if (token.dead) return fail(token.dead);
    sockets.set(socket, auth.data.token);
    next();
  });
  io.on('connection', (socket) => {
    socket.on('disconnect', () => sockets.delete(socket));
    socket.onAny((event: string, ...args: unknown[]) => {
      const handler = eventHandlers.get(event);
      const ack = args.at(-1);
      if (!handler || typeof ack !== 'function') return;
      const token = tokens.get(sockets.get(socket) ?? '');
      if (!token || token.dead) {
        (ack as (r: unknown) => void)({
          ok: false,
          error: { code: token?.dead ?? 'UNAUTHENTICATED', message: 'token' },
        });
        return;
      }
      void Promise.resolve(handler(token.userId, args.length >= 2 ? args[0] : undefined)).then(
        (result) => {
          if (result !== undefined) (ack as (r: unknown) => void)(result);
        },
      );
    });
    socket.on('pull', (payload: unknown, ack: (result: unknown) => void) => {
      const answer = (): void => {
        const request = pullRequestSchema.safeParse(payload);
        if (!request.success)
          return ack({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad pull' } });
        pulls.push(request.data);
        const token = tokens.get(sockets.get(socket) ?? '');
        if (token?.dead)
          return ack({ ok: false, error: { code: token.dead, message: token.dead } });
        if (knobs.malformedPages > 0) {
          knobs.malformedPages--;
          return ack({
            ok: true,
            value: {
              changes: [{ seq: 1, op: 'upsert', entity: 'meeting', data: { id: 'not-a-uuid' } }],
              cursor: 999,
              hasMore: false,
            },
          });
        }
        const page = log.filter((c) => c.seq > request.data.since).slice(0, request.data.limit);
        const cursor = page.at(-1)?.seq ?? request.data.since;
        ack({
          ok: true,
          value: { changes: page, cursor, hasMore: log.some((c) => c.seq > cursor) },
        });
      };
      if (knobs.pullDelayMs > 0) setTimeout(answer, knobs.pullDelayMs);
      else answer();
    });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pulls,
    blobRequests,
    logins,
    issuedTokens,
    knobs,
    publish(changes, options = {}) {
      log.push(...changes);
      if (options.hint !== false) io.emit('news', { seq: log.at(-1)?.seq ?? 0 });
    },
    emitNews(payload) {
      io.emit('news', payload);
    },
    addBlob(bytes) {
      const sha = sha256Hex(bytes);
      blobs.set(sha, bytes);
      return sha;
    },
    addUser(user, password) {
      users.set(user.id, { user, password });
    },
    changes: () => log,
    userById: (id) => users.get(id)?.user ?? null,
    handleEvent(event, handler) {
      eventHandlers.set(event, handler);
    },
    killTokens(reason) {
      for (const entry of tokens.values()) entry.dead = reason;
      for (const socket of sockets.keys()) socket.disconnect(true);
    },
    connectedSockets: () => sockets.size,
    suspend: async () => {
      io.disconnectSockets(true);
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
    resume: () => new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      await io.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
