/**
 * Schema migrations of the local store, applied in order. Append only: a migration once shipped
 * never changes; a new one gets the next version. Each runs in one transaction with the row
 * recording it in `schema_migrations`, so a crash leaves either the old or the new schema.
 *
 * Column conventions: `json` columns hold the record's JSON sealed with the data key
 * (FieldCipher, context "<table>:<id>"); plain columns are ids, order keys, sizes and hashes
 * needed for indexes and joins. Times are epoch ms unless the name says otherwise.
 */
export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        sealed_data_key BLOB NOT NULL
      );
      -- The signed-in user (at most one). token is sealed; NULL once the session ended.
      CREATE TABLE session (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        user_id TEXT NOT NULL,
        user_json BLOB NOT NULL,
        server_url TEXT NOT NULL,
        token BLOB,
        expires_at TEXT,
        ended_reason TEXT CHECK (ended_reason IN ('logout', 'expired', 'revoked'))
      );
      -- Whose replica this is and how far it has synced. cursor moves only with an applied page.
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner_user_id TEXT,
        server_url TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        last_synced_at INTEGER
      );
      INSERT INTO sync_state (id, cursor) VALUES (1, 0);

      CREATE TABLE users (id TEXT PRIMARY KEY, json BLOB NOT NULL);
      -- starts_at: epoch ms of meeting.startsAt (ISO strings with offsets do not sort as text).
      CREATE TABLE meetings (id TEXT PRIMARY KEY, starts_at INTEGER NOT NULL, json BLOB NOT NULL);
      CREATE INDEX meetings_starts_at ON meetings (starts_at);
      CREATE TABLE agenda_items (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, position INTEGER NOT NULL, json BLOB NOT NULL);
      CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id);
      CREATE TABLE documents (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, agenda_item_id TEXT, position INTEGER NOT NULL,
        current_version INTEGER NOT NULL, json BLOB NOT NULL
      );
      CREATE INDEX documents_meeting ON documents (meeting_id);
      CREATE TABLE document_versions (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL, meeting_id TEXT NOT NULL, version INTEGER NOT NULL,
        sha256 TEXT NOT NULL, size INTEGER NOT NULL, json BLOB NOT NULL
      );
      CREATE INDEX document_versions_document ON document_versions (document_id, version);
      CREATE INDEX document_versions_meeting ON document_versions (meeting_id);
      CREATE INDEX document_versions_sha256 ON document_versions (sha256);
      CREATE TABLE participants (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, user_id TEXT NOT NULL, json BLOB NOT NULL);
      CREATE INDEX participants_meeting ON participants (meeting_id);

      -- Blobs whose encrypted file is complete and verified (files: see BlobCache).
      CREATE TABLE cached_blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, completed_at INTEGER NOT NULL);
      -- Meetings the user asked to keep offline: new current versions are fetched after each sync.
      CREATE TABLE offline_meetings (meeting_id TEXT PRIMARY KEY, requested_at INTEGER NOT NULL);
    `,
  },
];
