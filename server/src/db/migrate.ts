import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.ts';
import type { OpenedDatabase, RawSession } from './openDatabase.ts';

/** server/migrations/, next to src/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** `0001_initial.sql`: a 4-digit order, then a name. Files are applied in name order. */
const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

/**
 * Serialises migrators of several server processes sharing one PostgreSQL: every migration
 * transaction first takes this transaction-scoped advisory lock.
 */
const MIGRATION_LOCK_KEY = 0x65636162; // "ecab"

/**
 * Applies the committed SQL files not applied yet, each in its own transaction, in order, and
 * records each (with its SHA-256) in `schema_migrations`. An applied file whose content changed
 * stops the start: committed migrations are never edited.
 */
export async function migrate(
  database: OpenedDatabase,
  logger: Logger,
  dir: string = MIGRATIONS_DIR,
): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort();
  await database.rawTransaction(async (session) => {
    await lock(session);
    await session.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL)',
    );
  });

  const applied: string[] = [];
  for (const name of files) {
    const script = await readFile(join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(script).digest('hex');
    const didApply = await database.rawTransaction(async (session) => {
      await lock(session);
      const rows = await session.query('SELECT checksum FROM schema_migrations WHERE name = $1', [
        name,
      ]);
      const existing = rows[0];
      if (existing !== undefined) {
        if (existing['checksum'] !== checksum) {
          throw new Error(
            `migration ${name} was edited after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await session.exec(script);
      await session.query(
        'INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ($1, $2, now())',
        [name, checksum],
      );
      return true;
    });
    if (didApply) {
      applied.push(name);
      logger.info('migration applied', { name });
    }
  }
  return applied;
}

async function lock(session: RawSession): Promise<void> {
  await session.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
}
