import type { BackoffPolicy } from './backoff.ts';

/** Timings and limits of the sync engine (tests shorten them). */
export interface SyncTuning {
  /** Changes asked for per pull (≤ MAX_PULL_LIMIT). */
  pullLimit: number;
  /** A pull runs at least this often while connected, so a missed hint costs at most this, ms. */
  periodicPullMs: number;
  /** Waiting for a pull ack, ms. */
  ackTimeoutMs: number;
  /** Waiting for the socket handshake, ms. */
  connectTimeoutMs: number;
  /** Between reconnect attempts. */
  reconnect: BackoffPolicy;
  /** Between retries of a pull that failed (timeout, error ack, malformed or unappliable page). */
  pullRetry: BackoffPolicy;
  /** Uniform in [0, 1): the jitter source. */
  random: () => number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  pullLimit: 500,
  periodicPullMs: 60_000,
  ackTimeoutMs: 30_000,
  connectTimeoutMs: 20_000,
  reconnect: { baseMs: 1000, maxMs: 60_000 },
  pullRetry: { baseMs: 2000, maxMs: 60_000 },
  random: Math.random,
};
