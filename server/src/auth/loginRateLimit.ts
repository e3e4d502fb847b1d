import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { loginFailures } from '../db/schema.ts';
import { ServerError } from '../ServerError.ts';

/**
 * Failed-login throttling, per username and per client address, kept in the database so that
 * several server processes share it. A key with `maxFailures` failures within the last
 * `windowSeconds` is refused with RATE_LIMITED (before the password is even checked) until
 * the oldest of those failures leaves the window.
 */
export interface LoginRateLimit {
  maxFailures: number;
  windowSeconds: number;
}

export const userKey = (username: string): string => `user:${username}`;
export const addressKey = (address: string): string => `addr:${address}`;

export async function assertLoginAllowed(
  db: Database,
  keys: readonly string[],
  limit: LoginRateLimit,
  now: Date,
): Promise<void> {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  let retryAfterMs = 0;
  for (const key of keys) {
    const recent = await db
      .select({ failedAt: loginFailures.failedAt })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.failedAt, windowStart)))
      .orderBy(asc(loginFailures.failedAt))
      .limit(limit.maxFailures * 4);
    if (recent.length < limit.maxFailures) continue;
    // Allowed again when only maxFailures - 1 failures remain in the window.
    const freeing = recent[recent.length - limit.maxFailures];
    if (freeing === undefined) continue;
    retryAfterMs = Math.max(
      retryAfterMs,
      freeing.failedAt.getTime() + limit.windowSeconds * 1000 - now.getTime(),
    );
  }
  if (retryAfterMs > 0) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new ServerError('RATE_LIMITED', `too many failed logins; try again in ${seconds} s`, {
      'Retry-After': String(seconds),
    });
  }
}

export async function recordLoginFailure(
  db: Database,
  keys: readonly string[],
  limit: LoginRateLimit,
  now: Date,
): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, failedAt: now })));
  // Prune everything that has left the window: the table holds one window of failures.
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  await db.delete(loginFailures).where(lte(loginFailures.failedAt, windowStart));
}

/** A successful login clears the username's failures (not the address's). */
export async function clearLoginFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
