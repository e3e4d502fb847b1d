import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';

/**
 * The Drizzle handle every service uses. A transaction (`db.transaction(tx => ...)`) is a
 * subclass, so functions that take a `Database` run inside or outside a transaction alike.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** Raw SQL on one connection inside one transaction: for the migrator only. */
export interface RawSession {
  /** One parameterised statement. */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** A whole script of statements without parameters (a committed migration file). */
  exec(script: string): Promise<void>;
}

export interface OpenedDatabase {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  rawTransaction<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; absent = PGlite under `<dataDir>/db`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  logger: Logger;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  return options.databaseUrl === undefined
    ? openPglite(options)
    : openPostgres(options.databaseUrl, options);
}

async function openPglite(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const dir = join(options.dataDir, 'db');
  await mkdir(dir, { recursive: true });
  const client = await PGlite.create(dir);
  // PGlite is one connection: its own mutex queues each transaction and each statement
  // outside one, so concurrent callers see the same isolation as on PostgreSQL.
  const db: Database = drizzlePglite({ client });
  return {
    db,
    kind: 'pglite',
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          query: async (text, params) =>
            (await tx.query<Record<string, unknown>>(text, params)).rows,
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger.error('postgres pool error', errorFields(error)));
  // Fail at start, with the real reason, when the database is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db: Database = drizzlePg({ client: pool });
  return {
    db,
    kind: 'postgres',
    rawTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params) =>
            (await client.query<Record<string, unknown>>(text, params)).rows,
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}
