import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { changeLog, counters } from '../db/schema.ts';
import type { PendingChange } from './pendingChange.ts';

/** An entry as written: what the notifier needs to decide who hears about it. */
export interface AppendedChange {
  seq: number;
  meetingId: string | null;
  targetUserId: string | null;
  ownerUserId: string | null;
}

/** Rows per INSERT statement (9 parameters each; PostgreSQL allows 65,535 per statement). */
const INSERT_BATCH = 500;

/**
 * Appends entries to the change log inside the caller's transaction, with consecutive seqs.
 *
 * Invariant (gap-free, commit order = seq order): the seqs come from one `UPDATE ... RETURNING`
 * on the `change_seq` counter row. That row stays locked until this transaction ends, so the
 * next writer waits here and gets its seqs only after we commit or roll back; a rollback undoes
 * the increment too. Hence a reader that sees counter value N sees every entry <= N.
 * Call it last in the transaction, to hold the lock briefly.
 */
export async function appendChanges(
  tx: Database,
  entries: readonly PendingChange[],
  now: Date,
): Promise<AppendedChange[]> {
  if (entries.length === 0) return [];
  const [row] = await tx
    .update(counters)
    .set({ value: sql`${counters.value} + ${entries.length}` })
    .where(eq(counters.name, 'change_seq'))
    .returning({ value: counters.value });
  if (row === undefined) throw new Error('change_seq counter missing');
  const first = row.value - entries.length + 1;

  const rows = entries.map((entry, index) => ({
    seq: first + index,
    entity: entry.entity,
    entityId: entry.entityId,
    op: entry.op,
    data: entry.data,
    meetingId: entry.meetingId,
    targetUserId: entry.targetUserId,
    ownerUserId: entry.ownerUserId,
    createdAt: now,
  }));
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await tx.insert(changeLog).values(rows.slice(start, start + INSERT_BATCH));
  }
  return rows.map((r) => ({
    seq: r.seq,
    meetingId: r.meetingId,
    targetUserId: r.targetUserId,
    ownerUserId: r.ownerUserId,
  }));
}

/** The head of the log: every entry with seq <= this value is committed and readable. */
export async function readChangeHead(db: Database): Promise<number> {
  const [row] = await db
    .select({ value: counters.value })
    .from(counters)
    .where(eq(counters.name, 'change_seq'));
  if (row === undefined) throw new Error('change_seq counter missing');
  return row.value;
}
