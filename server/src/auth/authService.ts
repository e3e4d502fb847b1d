import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../shared/domain/user.ts';
import type { LoginRequest, LoginResponse } from '../../../shared/protocol/auth.ts';
import type { RevokeTokensRequest } from '../../../shared/protocol/admin.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../../shared/protocol/version.ts';
import type { Actor } from '../audit/auditLog.ts';
import { devices, tokens, users } from '../db/schema.ts';
import { toRole, toUser } from '../db/toDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import {
  addressKey,
  assertLoginAllowed,
  clearLoginFailures,
  recordLoginFailure,
  userKey,
} from './loginRateLimit.ts';
import { hashPassword, verifyPassword } from './passwordHash.ts';
import { newToken, tokenHash } from './token.ts';

/** An authenticated caller: always read from the token row, never from a payload. */
export interface Principal {
  userId: string;
  role: Role;
  deviceId: string;
  tokenId: string;
  /** SHA-256 of the token, to re-check it on later socket events. */
  tokenHash: string;
  expiresAt: Date;
  /** Client address of the request or socket that presented the token. */
  address: string;
}

export const isStaff = (role: Role): boolean => role === 'secretariat' || role === 'admin';

export function actorOf(principal: Principal): Actor {
  return { userId: principal.userId, deviceId: principal.deviceId, address: principal.address };
}

/** FORBIDDEN unless the caller has one of the roles. */
export function requireRole(principal: Principal, roles: readonly Role[]): void {
  if (!roles.includes(principal.role))
    throw new ServerError('FORBIDDEN', 'this operation needs another role');
}

/** Verified against when the username is unknown, so both paths cost one scrypt. */
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(logN: number): Promise<string> {
  let hash = dummyHashes.get(logN);
  if (hash === undefined) {
    hash = hashPassword('not a password', logN);
    dummyHashes.set(logN, hash);
  }
  return hash;
}

/**
 * Checks the password (throttled per username and per address), records the device and issues
 * a token valid for `tokenTtlSeconds`. Failures answer INVALID_CREDENTIALS whether the user
 * exists or not.
 */
export async function login(
  ctx: ServerContext,
  request: LoginRequest,
  address: string,
): Promise<LoginResponse> {
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(request.protocolVersion)) {
    throw new ServerError(
      'PROTOCOL_UNSUPPORTED',
      `protocol version ${request.protocolVersion} is not supported; update the app`,
    );
  }
  const username = request.username.trim().toLowerCase();
  const keys = [userKey(username), addressKey(address)];
  const limit = {
    maxFailures: ctx.config.loginMaxFailures,
    windowSeconds: ctx.config.loginWindowSeconds,
  };
  await assertLoginAllowed(ctx.db, keys, limit, ctx.clock());

  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const passwordOk =
    user === undefined
      ? await verifyPassword(request.password, await dummyHash(ctx.config.scryptLogN)).then(
          () => false,
        )
      : await verifyPassword(request.password, user.passwordHash);

  if (user === undefined || !passwordOk) {
    await writeTransaction(ctx, { userId: null, deviceId: null, address }, async (w) => {
      await recordLoginFailure(w.tx, keys, limit, w.now);
      w.audit('auth.login_failed', null, { username });
    });
    throw new ServerError('INVALID_CREDENTIALS', 'wrong username or password');
  }

  const token = newToken();
  const actor: Actor = { userId: user.id, deviceId: request.deviceId, address };
  const expiresAt = await writeTransaction(ctx, actor, async (w) => {
    const expires = new Date(w.now.getTime() + ctx.config.tokenTtlSeconds * 1000);
    await clearLoginFailures(w.tx, userKey(username));
    await w.tx
      .insert(devices)
      .values({
        userId: user.id,
        deviceId: request.deviceId,
        name: request.deviceName,
        firstSeenAt: w.now,
        lastSeenAt: w.now,
        lastAddress: address,
      })
      .onConflictDoUpdate({
        target: [devices.userId, devices.deviceId],
        set: { name: request.deviceName, lastSeenAt: w.now, lastAddress: address },
      });
    await w.tx.insert(tokens).values({
      id: randomUUID(),
      tokenHash: tokenHash(token),
      userId: user.id,
      deviceId: request.deviceId,
      createdAt: w.now,
      expiresAt: expires,
    });
    w.audit('auth.login', user.id, { deviceName: request.deviceName });
    return expires;
  });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: toUser(user),
    serverTime: ctx.clock().toISOString(),
  };
}

/** Resolves a bearer token. UNAUTHENTICATED (unknown), TOKEN_REVOKED, TOKEN_EXPIRED. */
export async function authenticate(
  ctx: ServerContext,
  token: string,
  address: string,
): Promise<Principal> {
  return authenticateHash(ctx, tokenHash(token), address);
}

export async function authenticateHash(
  ctx: ServerContext,
  hash: string,
  address: string,
): Promise<Principal> {
  const [row] = await ctx.db
    .select({ token: tokens, role: users.role })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(eq(tokens.tokenHash, hash));
  if (row === undefined) throw new ServerError('UNAUTHENTICATED', 'log in first');
  if (row.token.revokedAt !== null)
    throw new ServerError('TOKEN_REVOKED', 'this session was signed out; log in again');
  if (row.token.expiresAt.getTime() <= ctx.clock().getTime())
    throw new ServerError('TOKEN_EXPIRED', 'this session has expired; log in again');
  return {
    userId: row.token.userId,
    role: toRole(row.role),
    deviceId: row.token.deviceId,
    tokenId: row.token.id,
    tokenHash: hash,
    expiresAt: row.token.expiresAt,
    address,
  };
}

/** Revokes the caller's own token (and disconnects its sockets). */
export async function logout(ctx: ServerContext, principal: Principal): Promise<void> {
  await writeTransaction(ctx, actorOf(principal), async (w) => {
    await w.tx
      .update(tokens)
      .set({ revokedAt: w.now })
      .where(and(eq(tokens.id, principal.tokenId), isNull(tokens.revokedAt)));
    w.audit('auth.logout', principal.userId, {});
  });
  ctx.hooks.tokensRevoked([principal.tokenId]);
}

/** Admin (the route checks the role): revokes every live token of a user, or of one device. */
export async function revokeTokens(
  ctx: ServerContext,
  actor: Actor,
  request: RevokeTokensRequest,
): Promise<number> {
  const revoked = await writeTransaction(ctx, actor, async (w) => {
    const where = [eq(tokens.userId, request.userId), isNull(tokens.revokedAt)];
    if (request.deviceId !== undefined) where.push(eq(tokens.deviceId, request.deviceId));
    const rows = await w.tx
      .update(tokens)
      .set({ revokedAt: w.now })
      .where(and(...where))
      .returning({ id: tokens.id });
    w.audit('auth.revoke_tokens', request.userId, {
      deviceId: request.deviceId ?? null,
      count: rows.length,
    });
    return rows.map((r) => r.id);
  });
  ctx.hooks.tokensRevoked(revoked);
  return revoked.length;
}
