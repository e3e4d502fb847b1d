import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { Role, User } from '../../../../shared/domain/user.ts';
import { createUserRequestSchema } from '../../../../shared/protocol/admin.ts';
import { errorBodySchema, loginResponseSchema } from '../../../../shared/protocol/auth.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import type { PullResponse } from '../../../../shared/protocol/socket.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import type { Result } from '../../../../shared/util/result.ts';
import { SYSTEM_ACTOR } from '../../../../server/src/audit/auditLog.ts';
import { silentLogger } from '../../../../server/src/log.ts';
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../../server/src/startServer.ts';
import { createUser } from '../../../../server/src/users/userService.ts';

/** A server on port 0 with its own data dir, a movable clock and helpers for HTTP and sockets. */
export interface Harness {
  readonly server: RunningServer;
  readonly url: string;
  readonly dataDir: string;
  /** Moves the server's clock forward (token expiry, rate-limit windows); ms. */
  advanceClock(ms: number): void;
  /** Creates an account directly (no HTTP) with a unique username and a known password. */
  createAccount(role: Role, name?: string): Promise<Account>;
  login(account: Account, options?: { deviceId?: string; address?: string }): Promise<Session>;
  close(): Promise<void>;
}

export interface Account {
  user: User;
  password: string;
}

export interface Session {
  token: string;
  deviceId: string;
  user: User;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else null. Parse it with a schema or `errorOf`. */
  json: unknown;
  bytes: Buffer;
}

let accountCounter = 0;

export interface HarnessPlace {
  /** Use this data dir and keep it on close (a test that reopens it later); default: a temp
   * dir, deleted on close. */
  dataDir?: string;
}

export async function startHarness(
  options: StartServerOptions = {},
  place: HarnessPlace = {},
): Promise<Harness> {
  const dataDir = place.dataDir ?? (await mkdtemp(join(tmpdir(), 'ecabinet-server-')));
  let offsetMs = 0;
  const server = await startServer({
    port: 0,
    dataDir,
    // Cheap hashes keep the suites fast; the parameters travel with each hash.
    scryptLogN: 10,
    // Tests pick their client address with X-Forwarded-For, so rate limits stay per test.
    trustProxy: true,
    logger: silentLogger,
    clock: () => new Date(Date.now() + offsetMs),
    ...options,
  });
  const harness: Harness = {
    server,
    url: server.url,
    dataDir,
    advanceClock: (ms) => {
      offsetMs += ms;
    },
    createAccount: async (role, name) => {
      accountCounter += 1;
      const username = `${name ?? role}${accountCounter}-${randomUUID().slice(0, 8)}`;
      const password = `pw-${randomUUID()}`;
      const user = await createUser(
        server.context,
        SYSTEM_ACTOR,
        createUserRequestSchema.parse({
          username,
          displayName: `${role} ${accountCounter}`,
          role,
          password,
        }),
      );
      return { user, password };
    },
    login: async (account, opts = {}) => {
      const deviceId = opts.deviceId ?? randomUUID();
      const res = await http(harness, 'POST', '/api/auth/login', {
        json: {
          username: account.user.username,
          password: account.password,
          deviceId,
          deviceName: 'test device',
          protocolVersion: PROTOCOL_VERSION,
        },
        address: opts.address ?? `10.0.${accountCounter % 250}.${Math.floor(Math.random() * 250)}`,
      });
      if (res.status !== 200)
        throw new Error(`login failed: ${res.status} ${JSON.stringify(res.json)}`);
      const body = loginResponseSchema.parse(res.json);
      return { token: body.token, deviceId, user: body.user };
    },
    close: async () => {
      await server.close();
      if (place.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  /** Sent as X-Forwarded-For (the harness trusts it). */
  address?: string;
}

export async function http(
  h: { url: string },
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.address !== undefined) headers['x-forwarded-for'] = options.address;
  let body: Uint8Array | string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(h.url + path, { method, headers, body: body as BodyInit | undefined });
  const bytes = Buffer.from(await res.arrayBuffer());
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json');
  return {
    status: res.status,
    headers: res.headers,
    json: isJson ? JSON.parse(bytes.toString('utf8')) : null,
    bytes,
  };
}

/** The `{ error: { code, message } }` of a failed response (throws if the body is not one). */
export function errorOf(res: HttpResult): { code: string; message: string } {
  return errorBodySchema.parse(res.json).error;
}

/** Connects with the handshake auth; rejects with the connect_error (its `data` has the code). */
export function connect(url: string, auth: unknown): Promise<ClientSocket> {
  const socket = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function connectSession(url: string, session: Session): Promise<ClientSocket> {
  return connect(url, {
    token: session.token,
    protocolVersion: PROTOCOL_VERSION,
    deviceId: session.deviceId,
  });
}

export async function pull(
  socket: ClientSocket,
  since: number,
  limit = 1000,
): Promise<Result<PullResponse>> {
  return (await socket
    .timeout(10_000)
    .emitWithAck('pull', { since, limit })) as Result<PullResponse>;
}

/** Pulls pages until hasMore is false; returns every change and the final cursor. */
export async function pullAll(
  socket: ClientSocket,
  since = 0,
  limit = 1000,
): Promise<{ changes: Change[]; cursor: number; pages: number }> {
  const changes: Change[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const result = await pull(socket, cursor, limit);
    if (!result.ok) throw new Error(`pull failed: ${result.error.code} ${result.error.message}`);
    pages += 1;
    changes.push(...result.value.changes);
    cursor = result.value.cursor;
    if (!result.value.hasMore) return { changes, cursor, pages };
  }
}

/** Resolves with the first `news` whose seq is at least `minSeq`. */
export function nextNews(socket: ClientSocket, minSeq: number, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('news', onNews);
      reject(new Error(`no news >= ${minSeq} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onNews = (news: { seq: number }): void => {
      if (news.seq < minSeq) return;
      clearTimeout(timer);
      socket.off('news', onNews);
      resolve(news.seq);
    };
    socket.on('news', onNews);
  });
}

/** Resolves when the socket is disconnected by the server (or rejects after the timeout). */
export function disconnected(socket: ClientSocket, timeoutMs = 5_000): Promise<string> {
  if (!socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
