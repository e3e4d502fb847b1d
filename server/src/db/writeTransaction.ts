import { appendAudit, type Actor, type AuditEntry } from '../audit/auditLog.ts';
import { appendChanges } from '../changes/appendChanges.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import type { ServerContext } from '../ServerContext.ts';
import type { AccessChange } from '../ServerHooks.ts';
import type { Database } from './openDatabase.ts';

/** What a write may do inside its transaction besides plain SQL through `tx`. */
export interface WriteScope {
  readonly tx: Database;
  /** The server's time for this whole transaction. */
  readonly now: Date;
  readonly actor: Actor;
  change(...entries: PendingChange[]): void;
  audit(action: string, subject: string | null, details?: Record<string, unknown>): void;
  access(change: AccessChange): void;
}

export interface WriteOptions {
  /**
   * Runs last inside the transaction, after the audit rows and change-log entries are written
   * and just before COMMIT. For the test-only fault points (faults/faultPlan.ts).
   */
  beforeCommit?: () => void;
}

/**
 * Runs `fn` in one transaction, then appends its audit rows and change-log entries in that
 * same transaction (audit first, then changes: the fixed lock order), commits, and only then
 * tells the hooks. A throw anywhere rolls everything back and nothing is announced.
 */
export async function writeTransaction<T>(
  ctx: ServerContext,
  actor: Actor,
  fn: (scope: WriteScope) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const now = ctx.clock();
  const { value, appended, access } = await ctx.db.transaction(async (tx) => {
    const changes: PendingChange[] = [];
    const audits: AuditEntry[] = [];
    const accessChanges: AccessChange[] = [];
    const scope: WriteScope = {
      tx,
      now,
      actor,
      change: (...entries) => changes.push(...entries),
      audit: (action, subject, details = {}) => audits.push({ action, subject, details }),
      access: (change) => accessChanges.push(change),
    };
    const result = await fn(scope);
    await appendAudit(tx, actor, audits, now);
    const written = await appendChanges(tx, changes, now);
    options.beforeCommit?.();
    return { value: result, appended: written, access: accessChanges };
  });
  if (appended.length > 0 || access.length > 0) ctx.hooks.committed({ changes: appended, access });
  return value;
}
