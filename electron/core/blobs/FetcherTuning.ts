import type { BackoffPolicy } from '../sync/backoff.ts';

/** Limits and timings of the document downloader (tests shorten them). */
export interface FetcherTuning {
  /** Downloads running at once. */
  parallelism: number;
  /** Attempts per download for transient failures (cuts, stalls, 5xx); each resumes. */
  maxAttempts: number;
  /** Extra full refetches after a SHA-256 mismatch before failing with INTEGRITY_FAILED. */
  integrityRetries: number;
  retryBackoff: BackoffPolicy;
  /** Minimum gap between progress events of one download, ms (100 → at most 10/s). */
  progressIntervalMs: number;
  /** A transfer with no byte for this long is cut and resumed, ms. */
  stallTimeoutMs: number;
  random: () => number;
}

export const DEFAULT_FETCHER_TUNING: FetcherTuning = {
  parallelism: 4,
  maxAttempts: 5,
  integrityRetries: 2,
  retryBackoff: { baseMs: 500, maxMs: 15_000 },
  progressIntervalMs: 100,
  stallTimeoutMs: 30_000,
  random: Math.random,
};
