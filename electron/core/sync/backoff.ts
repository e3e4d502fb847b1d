export interface BackoffPolicy {
  /** Delay ceiling for the first retry, ms. */
  baseMs: number;
  /** Largest delay ever returned, ms. */
  maxMs: number;
}

export const DEFAULT_RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };

/**
 * Capped exponential backoff with "equal jitter": for retry `attempt` (1-based) the ceiling is
 * min(maxMs, baseMs · 2^(attempt-1)) and the delay is uniform in [ceiling/2, ceiling], so
 * devices reconnecting after a server restart spread out but never retry in a hot loop.
 * `random` returns a number in [0, 1) (Math.random in production, fixed in tests).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const n = Math.max(1, Math.floor(attempt));
  // Cap the exponent first so 2^(n-1) never overflows to Infinity.
  const exponent = Math.min(n - 1, 52);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
