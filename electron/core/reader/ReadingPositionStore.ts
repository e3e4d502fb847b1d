import type { DatabaseSync } from 'node:sqlite';
import {
  readingPositionSchema,
  type ReadingPosition,
  type ReadingPositionAnswer,
} from '../../../shared/domain/readingPosition.ts';
import type { Logger } from '../log/logger.ts';
import { preparedSet } from '../store/preparedCache.ts';

/** Positions kept per user; the least recently updated beyond this are dropped. */
export const MAX_POSITIONS_PER_USER = 500;

/**
 * Where each member left each paper (store/migrations.ts version 5, `reading_positions`): one
 * row per user and document, for the file it was read at — a position saved for another file
 * (an older version) is not offered, so a new version opens at the top. Kept in the local store,
 * not the renderer's storage, so it survives a browser profile reset and is per user. Not
 * replica data: signing in as someone else keeps the other members' rows. A row that does not
 * parse is ignored (logged), never thrown.
 */
export class ReadingPositionStore {
  private readonly db: DatabaseSync;
  private readonly log: Logger;

  constructor(db: DatabaseSync, log: Logger) {
    this.db = db;
    this.log = log;
  }

  /**
   * The position kept for `documentId` and the file it is for; with `sha256`, the position
   * is null when it was kept for another file.
   */
  get(userId: string, documentId: string, sha256?: string): ReadingPositionAnswer {
    const row = this.statements().select.get(userId, documentId);
    const kept = typeof row?.['sha256'] === 'string' ? row['sha256'] : null;
    if (kept === null || typeof row?.['state_json'] !== 'string')
      return { position: null, sha256: null };
    if (sha256 !== undefined && kept !== sha256) return { position: null, sha256: kept };
    try {
      const parsed = readingPositionSchema.safeParse(JSON.parse(row['state_json']));
      if (parsed.success) return { position: parsed.data, sha256: kept };
    } catch {
      // fall through: logged below
    }
    this.log.warn('stored reading position unreadable; ignored', { documentId });
    return { position: null, sha256: null };
  }

  /** Remembers `position` (epoch ms `now`), keeping the user's most recent rows only. */
  set(
    userId: string,
    documentId: string,
    sha256: string,
    position: ReadingPosition,
    now: number,
  ): void {
    const s = this.statements();
    s.upsert.run(userId, documentId, sha256, JSON.stringify(position), now);
    s.prune.run(userId, userId, MAX_POSITIONS_PER_USER);
  }

  private statements() {
    return preparedSet(this.db, 'readingPositions', (p) => ({
      select: p(
        'SELECT sha256, state_json FROM reading_positions WHERE user_id = ? AND document_id = ?',
      ),
      upsert: p(
        `INSERT INTO reading_positions (user_id, document_id, sha256, state_json, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, document_id) DO UPDATE SET sha256 = excluded.sha256,
           state_json = excluded.state_json, updated_at = excluded.updated_at`,
      ),
      prune: p(
        `DELETE FROM reading_positions WHERE user_id = ? AND document_id NOT IN (
           SELECT document_id FROM reading_positions WHERE user_id = ?
           ORDER BY updated_at DESC, document_id LIMIT ?)`,
      ),
    }));
  }
}
