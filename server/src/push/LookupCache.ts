/**
 * A per-transaction memo of read-only lookups for the mutations of one push transaction
 * (applyPush.ts makes a new one per transaction and drops it at the commit).
 *
 * Invariant: only rows that NO pushed mutation writes may be cached here (meetings, participants,
 * agenda items, document versions). Then every mutation of the transaction sees what a fresh
 * read at the transaction's first lookup saw, exactly as if the whole transaction's mutations
 * had run at that moment — and reads of rows the batch itself writes (comments, annotations,
 * ballots) always go to the database, so they see the earlier mutations of the same batch.
 *
 * A failed load is not cached (the error propagates to the one caller and a later caller loads
 * again); a load that finds nothing caches its `undefined`.
 */
export class LookupCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  /** The value cached under `key`, loading it with `load` the first time. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.entries.get(key);
    if (found !== undefined) return found as Promise<T>;
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => this.entries.delete(key));
    return loading;
  }

  /** Number of keys held (tests). */
  get size(): number {
    return this.entries.size;
  }
}
