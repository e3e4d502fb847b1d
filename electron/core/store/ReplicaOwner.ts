import type { DatabaseSync } from 'node:sqlite';
import { REPLICA_DATA_TABLES } from './replicaTables.ts';
import { immediate } from './transaction.ts';

/**
 * Whose replica this is, how far it has synced and when. The replica belongs to one user on
 * one server: signing in as someone else (or elsewhere) wipes it before the first pull.
 */
export class ReplicaOwner {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  owner(): { userId: string; serverUrl: string } | null {
    const row = this.db
      .prepare('SELECT owner_user_id, server_url FROM sync_state WHERE id = 1')
      .get();
    const userId = row?.['owner_user_id'];
    const serverUrl = row?.['server_url'];
    return typeof userId === 'string' && typeof serverUrl === 'string'
      ? { userId, serverUrl }
      : null;
  }

  cursor(): number {
    const value = this.db.prepare('SELECT cursor FROM sync_state WHERE id = 1').get()?.['cursor'];
    return typeof value === 'number' ? value : 0;
  }

  /** Epoch ms of the last completed sync, or null. */
  lastSyncedAt(): number | null {
    const value = this.db.prepare('SELECT last_synced_at FROM sync_state WHERE id = 1').get()?.[
      'last_synced_at'
    ];
    return typeof value === 'number' ? value : null;
  }

  markSynced(at: number): void {
    this.db.prepare('UPDATE sync_state SET last_synced_at = ? WHERE id = 1').run(at);
  }

  /**
   * Makes (userId, serverUrl) the owner. Returns true when the replica was not theirs and was
   * wiped (records, cursor, cached-blob index, and the previous owner's outbox: its client id
   * is bound to that user on the server, so nobody else can send it): the caller then deletes
   * the files.
   */
  claim(userId: string, serverUrl: string): boolean {
    const current = this.owner();
    if (current && current.userId === userId && current.serverUrl === serverUrl) return false;
    immediate(this.db, () => {
      wipeReplicaRows(this.db);
      this.db
        .prepare(
          'UPDATE sync_state SET owner_user_id = ?, server_url = ?, cursor = 0, last_synced_at = NULL WHERE id = 1',
        )
        .run(userId, serverUrl);
    });
    return true;
  }

  /** Forgets everything synced (used when the data key had to be replaced). */
  wipe(): void {
    immediate(this.db, () => {
      wipeReplicaRows(this.db);
      this.db.exec(
        'UPDATE sync_state SET owner_user_id = NULL, server_url = NULL, cursor = 0, last_synced_at = NULL WHERE id = 1',
      );
    });
  }
}

function wipeReplicaRows(db: DatabaseSync): void {
  for (const table of REPLICA_DATA_TABLES) db.exec(`DELETE FROM ${table}`);
}
