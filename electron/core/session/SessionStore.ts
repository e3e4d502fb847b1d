import type { DatabaseSync } from 'node:sqlite';
import { userSchema, type User } from '../../../shared/domain/user.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import type { Logger } from '../log/logger.ts';

export type SessionEndReason = 'logout' | 'expired' | 'revoked';

export interface StoredSession {
  user: User;
  serverUrl: string;
  /** Bearer token; null once the session ended. */
  token: string | null;
  /** ISO instant from the server (informational: expiry is decided by the server). */
  expiresAt: string | null;
  endedReason: SessionEndReason | null;
}

const TOKEN_CONTEXT = 'session:token';
const USER_CONTEXT = 'session:user';

/**
 * The session row. The token and the user record are sealed with the data key (never in clear
 * on disk); the row outlives the session so the replica stays attributable to its user.
 */
export class SessionStore {
  private readonly db: DatabaseSync;
  private readonly cipher: FieldCipher;
  private readonly log: Logger;

  constructor(db: DatabaseSync, cipher: FieldCipher, log: Logger) {
    this.db = db;
    this.cipher = cipher;
    this.log = log;
  }

  load(): StoredSession | null {
    const row = this.db
      .prepare(
        'SELECT user_json, server_url, token, expires_at, ended_reason FROM session WHERE id = 1',
      )
      .get();
    if (!row) return null;
    try {
      const userJson = row['user_json'];
      const token = row['token'];
      const serverUrl = row['server_url'];
      const expiresAt = row['expires_at'];
      const ended = row['ended_reason'];
      if (!(userJson instanceof Uint8Array) || typeof serverUrl !== 'string')
        throw new Error('session row malformed');
      const user = userSchema.parse(JSON.parse(this.cipher.open(userJson, USER_CONTEXT)));
      const endedReason =
        ended === 'logout' || ended === 'expired' || ended === 'revoked' ? ended : null;
      return {
        user,
        serverUrl,
        token:
          endedReason === null && token instanceof Uint8Array
            ? this.cipher.open(token, TOKEN_CONTEXT)
            : null,
        expiresAt: typeof expiresAt === 'string' ? expiresAt : null,
        endedReason,
      };
    } catch (error) {
      this.log.warn('stored session unreadable; treated as signed out', { error: String(error) });
      return null;
    }
  }

  save(session: { user: User; serverUrl: string; token: string; expiresAt: string }): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO session (id, user_id, user_json, server_url, token, expires_at, ended_reason)
         VALUES (1, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(
        session.user.id,
        this.cipher.seal(JSON.stringify(session.user), USER_CONTEXT),
        session.serverUrl,
        this.cipher.seal(session.token, TOKEN_CONTEXT),
        session.expiresAt,
      );
  }

  /** Ends the session: the token is erased, the user stays recorded with the reason. */
  end(reason: SessionEndReason): void {
    this.db.prepare('UPDATE session SET token = NULL, ended_reason = ? WHERE id = 1').run(reason);
  }

  clear(): void {
    this.db.exec('DELETE FROM session');
  }
}
