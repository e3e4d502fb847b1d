import type { DatabaseSync, StatementSync } from 'node:sqlite';

const caches = new WeakMap<DatabaseSync, Map<string, unknown>>();

/**
 * Per-connection memo for a set of prepared statements (built once by `build`, under `key`):
 * preparing is the costly part of a small statement, and a write must cost the same whatever
 * the size of the store.
 */
export function preparedSet<T>(
  db: DatabaseSync,
  key: string,
  build: (prepare: (sql: string) => StatementSync) => T,
): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let set = cache.get(key) as T | undefined;
  if (set === undefined) {
    set = build((sql) => db.prepare(sql));
    cache.set(key, set);
  }
  return set;
}
