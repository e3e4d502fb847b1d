import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { immediate } from './transaction.ts';

/** File name of the local store inside the data directory. */
export const DATABASE_FILE = 'ecabinet.sqlite';

/** How long a statement waits for a lock held by another connection, ms. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the local store: WAL journal, `synchronous=FULL` (a committed
 * transaction survives power loss, which the outbox relies on), then applies pending
 * migrations. `dataDir` ':memory:' opens an in-memory database (tests).
 */
export function openDatabase(
  dataDir: string,
  migrations: readonly Migration[] = MIGRATIONS,
): DatabaseSync {
  let location = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    location = join(dataDir, DATABASE_FILE);
  }
  const db = new DatabaseSync(location);
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = OFF'); // the replica may receive children before parents
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies every migration newer than the stored version; returns the resulting version. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  let current = schemaVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest)
    throw new Error(`local store schema ${current} is newer than this build (${latest})`);
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    immediate(db, () => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        Date.now(),
      );
    });
    current = migration.version;
  }
  return current;
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
  const version = row?.['version'];
  return typeof version === 'number' ? version : 0;
}
