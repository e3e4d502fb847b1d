import { recordContext } from '../store/replicaTables.ts';
import { textOf } from '../store/rowValues.ts';
import { rowStatements } from './outboxStatements.ts';
import { refreshOverlay, type StoreContext } from './overlay.ts';
import {
  WRITE_TABLE_NAMES,
  WRITE_TABLES,
  type WriteRecords,
  type WriteTable,
} from './writeTables.ts';

/**
 * How a pulled change lands in a write table without clobbering what the user is doing
 * (architecture.md "A sync never clobbers what the user is editing"): the server's record is
 * stored underneath (`json`); a row with an optimistic record gets it recomputed on top of the
 * new server record, so a pending local change still wins in the views until it is settled.
 * Callers hold the transaction (applyChanges).
 */
export function storeServerRecord<T extends WriteTable>(
  ctx: StoreContext,
  table: T,
  record: WriteRecords[T],
): void {
  const spec = WRITE_TABLES[table];
  const sealed = ctx.cipher.seal(JSON.stringify(record), recordContext(table, record.id));
  const s = rowStatements(ctx.db, table);
  s.upsertServer.run(record.id, ...spec.values(record), sealed);
  const row = s.select.get(record.id);
  // The record just sealed is the server record: refreshOverlay need not open it again.
  if (row !== undefined && row['local_json'] instanceof Uint8Array)
    refreshOverlay(ctx, { table, id: record.id }, { row, server: record });
}

/** A server delete: the row goes unless local changes keep it (they are then shown alone). */
export function eraseServerRecord(ctx: StoreContext, table: WriteTable, id: string): void {
  const s = rowStatements(ctx.db, table);
  if (!hasLocal(ctx, { table, id })) {
    s.delete.run(id);
    return;
  }
  s.clearServer.run(id);
  refreshOverlay(ctx, { table, id });
}

/**
 * A meeting tombstone (access withdrawn): every write-table row of the meeting loses its server
 * record; rows without local changes go. Rows with queued changes stay until the server
 * settles them (it will refuse them: the meeting is not visible any more). Reads go through
 * the meeting, so nothing of it is shown meanwhile.
 */
export function eraseMeetingRecords(ctx: StoreContext, meetingId: string): void {
  for (const table of WRITE_TABLE_NAMES) {
    ctx.db
      .prepare(`DELETE FROM ${table} WHERE meeting_id = ? AND local_json IS NULL`)
      .run(meetingId);
    const kept = ctx.db.prepare(`SELECT id FROM ${table} WHERE meeting_id = ?`).all(meetingId);
    for (const row of kept) eraseServerRecord(ctx, table, textOf(row, 'id'));
  }
}

function hasLocal(ctx: StoreContext, target: { table: WriteTable; id: string }): boolean {
  const row = rowStatements(ctx.db, target.table).select.get(target.id);
  return row !== undefined && row['local_json'] instanceof Uint8Array;
}
