import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { counters } from '../db/schema.ts';
import type { PendingChange } from './pendingChange.ts';

/**
 * An entry as written: who may hear about it, and the entry itself as the log holds it
 * (a news carrying entries is built from this, not read back).
 */
export interface AppendedChange {
  seq: number;
  entity: string;
  entityId: string;
  op: 'upsert' | 'delete';
  /** The JSON stored in the log (null for a delete). */
  data: unknown;
  meetingId: string | null;
  targetUserId: string | null;
  ownerUserId: string | null;
}

/**
 * Rows per INSERT statement. The rows travel as ONE jsonb parameter (jsonb_to_recordset): one
 * statement per 1,000 entries whatever their number of columns, and no per-value parameter
 * building on the Node side.
 */
const INSERT_BATCH = 1000;

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

  // Keys = column names; `data` is stored as the jsonb it is (JSON null → SQL NULL).
  const rows = entries.map((entry, index) => ({
    seq: first + index,
    entity: entry.entity,
    entity_id: entry.entityId,
    op: entry.op,
    data: entry.data,
    meeting_id: entry.meetingId,
    target_user_id: entry.targetUserId,
    owner_user_id: entry.ownerUserId,
  }));
  const at = now.toISOString();
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const json = JSON.stringify(rows.slice(start, start + INSERT_BATCH));
    await tx.execute(sql`
      INSERT INTO change_log
        (seq, entity, entity_id, op, data, meeting_id, target_user_id, owner_user_id, created_at)
      SELECT seq, entity, entity_id, op, data, meeting_id, target_user_id, owner_user_id,
             ${at}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS r(
        seq bigint, entity text, entity_id text, op text, data jsonb,
        meeting_id uuid, target_user_id uuid, owner_user_id uuid)`);
  }
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity,
    entityId: r.entity_id,
    op: r.op,
    data: r.data,
    meetingId: r.meeting_id,
    targetUserId: r.target_user_id,
    ownerUserId: r.owner_user_id,
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
