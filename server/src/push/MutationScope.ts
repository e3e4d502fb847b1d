import type { Principal } from '../auth/authService.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/openDatabase.ts';
import type { LookupCache } from './LookupCache.ts';

/**
 * What one pushed mutation's effect may use. Through applyMutation.ts, `tx` is a savepoint
 * inside the push's transaction (one per batch, applyPush.ts): a MutationRejected thrown from
 * the effect undoes its writes, and the entries and audit rows collected here are kept only
 * when the effect completes. Earlier mutations of the same batch are visible through `tx`.
 * (A group applier, MutationGroup.ts, gets the transaction itself and must check before it
 * writes.)
 */
export interface MutationScope {
  readonly tx: Database;
  /** The server's time for the whole transaction; never the device's clock. */
  readonly now: Date;
  /** From the token row; never from the payload. */
  readonly principal: Principal;
  /** The server's configuration (trust directory, opinion grace period). */
  readonly config: ServerConfig;
  change(...entries: PendingChange[]): void;
  audit(action: string, subject: string | null, details?: Record<string, unknown>): void;
  /**
   * Lookups shared by the mutations of one push transaction (a chunk of a batch): rows that no
   * pushed mutation writes (meetings, participants, agenda items), read once per transaction
   * (LookupCache.ts). Pass it to participation.ts; never cache rows a mutation may change.
   */
  readonly cache: LookupCache;
}
