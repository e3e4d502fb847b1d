import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { preparedSet } from '../store/preparedCache.ts';
import { WRITE_TABLES, type WriteTable } from './writeTables.ts';

/** Prepared statements of the outbox tables (schema and states: store/migrations.ts v2). */
export function outboxStatements(db: DatabaseSync) {
  return preparedSet(db, 'outbox', (p) => ({
    client: p(
      'SELECT client_id, user_id, last_mutation_id, acked_through, ack_epoch FROM outbox_client WHERE id = 1',
    ),
    insertClient: p(
      'INSERT INTO outbox_client (id, client_id, user_id, last_mutation_id, acked_through, ack_epoch) VALUES (1, ?, ?, 0, 0, 0)',
    ),
    allocate: p(
      'UPDATE outbox_client SET last_mutation_id = last_mutation_id + 1 WHERE id = 1 RETURNING last_mutation_id',
    ),
    setAcked: p('UPDATE outbox_client SET acked_through = ?, ack_epoch = ? WHERE id = 1'),
    insert: p(
      `INSERT INTO outbox (mutation_id, kind, args, client_time, target, meeting_id, state)
       VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
    ),
    targetById: p('SELECT target FROM outbox WHERE mutation_id = ?'),
    /** Non-refused mutations of one replica row, oldest first (what its overlay folds). */
    byTarget: p(
      `SELECT mutation_id, kind, args, client_time, meeting_id, state FROM outbox
       WHERE target = ? AND state <> 'rejected' ORDER BY mutation_id`,
    ),
    /** Whether a mutation of one replica row is not acknowledged yet (its `pending` flag). */
    unackedOnTarget: p(
      "SELECT 1 AS found FROM outbox WHERE target = ? AND state IN ('pending', 'sent') LIMIT 1",
    ),
    /** Whether one replica row has a mutation left to fold (any not refused). */
    liveOnTarget: p(
      "SELECT 1 AS found FROM outbox WHERE target = ? AND state <> 'rejected' LIMIT 1",
    ),
    /** The unacknowledged mutations from an id on, oldest first. */
    batch: p(
      'SELECT mutation_id, kind, args, client_time FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?',
    ),
    markSent: p(
      "UPDATE outbox SET state = 'sent' WHERE mutation_id BETWEEN ? AND ? AND state = 'pending'",
    ),
    settle: p(
      'UPDATE outbox SET state = ?, code = ?, message = ?, settled_at = ?, settled_epoch = ? WHERE mutation_id = ?',
    ),
    rejected: p("SELECT * FROM outbox WHERE state = 'rejected' ORDER BY mutation_id"),
    rejectedCount: p("SELECT COUNT(*) AS n FROM outbox WHERE state = 'rejected'"),
    /** Applied mutations whose ack came in an epoch at or before the given one. */
    echoed: p(
      "SELECT mutation_id, target FROM outbox WHERE state = 'applied' AND settled_epoch <= ?",
    ),
    anyEchoed: p(
      "SELECT 1 AS found FROM outbox WHERE state = 'applied' AND settled_epoch <= ? LIMIT 1",
    ),
    delete: p('DELETE FROM outbox WHERE mutation_id = ?'),
    dismiss: p("DELETE FROM outbox WHERE mutation_id = ? AND state = 'rejected'"),
    countRange: p('SELECT COUNT(*) AS n FROM outbox WHERE mutation_id BETWEEN ? AND ?'),
    reopenRange: p(
      `UPDATE outbox SET state = 'pending', code = NULL, message = NULL, settled_at = NULL, settled_epoch = NULL
       WHERE mutation_id BETWEEN ? AND ?`,
    ),
    targetsInRange: p('SELECT DISTINCT target FROM outbox WHERE mutation_id BETWEEN ? AND ?'),
  }));
}

export type OutboxStatements = ReturnType<typeof outboxStatements>;

export interface RowStatements {
  select: StatementSync;
  /** Writes the optimistic record (`local_json`, `pending`), keeping the server's `json`. */
  upsertLocal: StatementSync;
  /** Writes the server's record, keeping `local_json` and `pending`. */
  upsertServer: StatementSync;
  clearLocal: StatementSync;
  /** Sets `pending` of a row that has an optimistic record. */
  setPending: StatementSync;
  clearServer: StatementSync;
  delete: StatementSync;
}

/** Prepared statements of one write table (writeTables.ts). */
export function rowStatements(db: DatabaseSync, table: WriteTable): RowStatements {
  return preparedSet(db, `rows:${table}`, (p) => {
    const cols = WRITE_TABLES[table].columns;
    const names = ['id', ...cols, 'json', 'local_json', 'pending'].join(', ');
    const marks = cols.map(() => '?').join(', ');
    const plainUpdate = cols.map((c) => `${c} = excluded.${c}`).join(', ');
    return {
      select: p(`SELECT json, local_json, pending FROM ${table} WHERE id = ?`),
      upsertLocal: p(
        `INSERT INTO ${table} (${names}) VALUES (?, ${marks}, NULL, ?, ?)
         ON CONFLICT (id) DO UPDATE SET ${plainUpdate}, local_json = excluded.local_json, pending = excluded.pending`,
      ),
      upsertServer: p(
        `INSERT INTO ${table} (${names}) VALUES (?, ${marks}, ?, NULL, 0)
         ON CONFLICT (id) DO UPDATE SET ${plainUpdate}, json = excluded.json`,
      ),
      clearLocal: p(`UPDATE ${table} SET local_json = NULL, pending = 0 WHERE id = ?`),
      setPending: p(`UPDATE ${table} SET pending = ? WHERE id = ? AND local_json IS NOT NULL`),
      clearServer: p(`UPDATE ${table} SET json = NULL WHERE id = ?`),
      delete: p(`DELETE FROM ${table} WHERE id = ?`),
    };
  });
}
