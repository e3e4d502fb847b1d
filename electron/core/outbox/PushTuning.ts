import { MAX_PUSH_BATCH } from '../../../shared/protocol/push.ts';
import type { BackoffPolicy } from '../sync/backoff.ts';

/** Timings and limits of the outbox pusher (tests shorten them). */
export interface PushTuning {
  /** A push waits this long after the last local write, so a burst goes in one batch, ms. */
  debounceMs: number;
  /** …but never longer than this after the first write of a burst, ms. */
  maxDebounceMs: number;
  /** Mutations per push (≤ MAX_PUSH_BATCH). */
  batchLimit: number;
  /** Serialized envelopes per push, bytes: below the server's socket message cap (1 MB by
   * default), whatever the comment lengths. A single larger mutation still goes alone. */
  maxBatchBytes: number;
  /** Waiting for a push ack, ms. */
  ackTimeoutMs: number;
  /** Between retries of a push that failed (no ack, error ack, malformed ack). */
  retry: BackoffPolicy;
  /** Uniform in [0, 1): the jitter source. */
  random: () => number;
}

export const DEFAULT_PUSH_TUNING: PushTuning = {
  debounceMs: 300,
  maxDebounceMs: 2000,
  batchLimit: MAX_PUSH_BATCH,
  maxBatchBytes: 512 * 1024,
  ackTimeoutMs: 30_000,
  retry: { baseMs: 2000, maxMs: 60_000 },
  random: Math.random,
};
