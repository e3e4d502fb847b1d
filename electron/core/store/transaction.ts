import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` inside BEGIN IMMEDIATE … COMMIT (the write lock is taken up front, so the
 * transaction cannot fail half-way on a lock upgrade). Any throw rolls everything back.
 * Not re-entrant: `fn` must not start another transaction.
 */
export function immediate<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * `immediate()` for writes whose loss in a power cut is harmless because start-up repairs
 * them (e.g. the index row of a cached file: `BlobCache.sweep()` re-indexes complete files).
 * This one commit runs with `synchronous = NORMAL`: under WAL it is atomic and consistent but
 * does not wait for an fsync, which can block the (synchronous) caller for tens of ms while
 * the disk is busy with downloads. The next `synchronous = FULL` commit makes it durable too.
 */
export function immediateRelaxed<T>(db: DatabaseSync, fn: () => T): T {
  const row = db.prepare('PRAGMA synchronous').get();
  const previous = Number(row?.['synchronous'] ?? 2);
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return immediate(db, fn);
  } finally {
    db.exec(`PRAGMA synchronous = ${Number.isInteger(previous) ? previous : 2}`);
  }
}
