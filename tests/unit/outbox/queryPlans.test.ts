import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { outboxStatements, rowStatements } from '../../../electron/core/outbox/outboxStatements.ts';
import { WRITE_TABLE_NAMES } from '../../../electron/core/outbox/writeTables.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';

/**
 * A durable local write must cost the same with 100 or 100,000 records (architecture.md): no
 * statement of the outbox or of the write tables may scan a whole table. (A partial index
 * scanned — e.g. the refused changes only — is fine: its size is what it lists.)
 */
describe('outbox statements use indexes', () => {
  it('no full-table scan in any prepared statement', () => {
    const db = openDatabase(':memory:');
    const seen: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = Object.assign(Object.create(db) as DatabaseSync, {
      prepare: (sql: string) => {
        seen.push(sql);
        return prepare(sql);
      },
    });
    outboxStatements(spy);
    for (const table of WRITE_TABLE_NAMES) rowStatements(spy, table);
    expect(seen.length).toBeGreaterThan(30);
    for (const sql of seen) {
      const params = Array<number>((sql.match(/\?/g) ?? []).length).fill(1);
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => String(r['detail']));
      for (const step of plan) expect(step, sql).not.toMatch(/^SCAN \w+$/);
    }
    db.close();
  });
});
