import type { Principal } from '../auth/authService.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * What one pushed mutation's effect may use. `tx` is a savepoint inside the push's transaction:
 * a MutationRejected thrown from the effect undoes its writes, and the entries and audit rows
 * collected here are kept only when the effect completes.
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
}
