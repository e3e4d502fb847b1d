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
  {
    version: 2,
    sql: `
      -- What members write. json is the server's record (NULL until the server sent it);
      -- local_json is what the device shows while its own changes are not echoed by a pull:
      -- the server record with the outbox's non-refused mutations for the row applied in order
      -- (shared/sync/optimistic.ts), sealed with context "<table>:<id>#local". NULL when no
      -- such mutation exists. pending = 1 while one of them is not acknowledged yet.
      CREATE TABLE comments (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, agenda_item_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX comments_item ON comments (agenda_item_id);
      CREATE INDEX comments_meeting ON comments (meeting_id);
      CREATE TABLE positions (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, agenda_item_id TEXT NOT NULL, user_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX positions_meeting ON positions (meeting_id);
      CREATE TABLE ballots (
        id TEXT PRIMARY KEY, vote_id TEXT NOT NULL, meeting_id TEXT NOT NULL, user_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX ballots_vote ON ballots (vote_id);
      CREATE INDEX ballots_meeting ON ballots (meeting_id);
      -- Votes are changed by the server only (the secretariat opens and closes them online).
      CREATE TABLE votes (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, agenda_item_id TEXT NOT NULL, json BLOB NOT NULL);
      CREATE INDEX votes_meeting ON votes (meeting_id);

      -- The outbox's client (electron/core/outbox). client_id is a random UUID made when the
      -- replica's owner first writes, and forgotten with the replica (another user signs in):
      -- one id per installation and user, so the server's binding of a client id to a user
      -- holds. last_mutation_id: highest id allocated (0 = none). acked_through: every id at
      -- or below it has its final ack. ack_epoch: +1 per transaction that applies acks.
      CREATE TABLE outbox_client (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        client_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        last_mutation_id INTEGER NOT NULL CHECK (last_mutation_id >= 0),
        acked_through INTEGER NOT NULL CHECK (acked_through >= 0 AND acked_through <= last_mutation_id),
        ack_epoch INTEGER NOT NULL DEFAULT 0
      );
      -- One row per local change. args: the mutation's args as JSON, sealed with context
      -- "outbox:<mutation_id>". target: "<table>:<id>" of the replica row it changes.
      -- state: pending → sent → applied (kept until a pull started after the ack completes,
      -- then deleted) | rejected (kept with code and message until dismissed).
      -- client_time, settled_at: epoch ms. settled_epoch: outbox_client.ack_epoch of its ack.
      CREATE TABLE outbox (
        mutation_id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        args BLOB NOT NULL,
        client_time INTEGER NOT NULL,
        target TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'applied', 'rejected')),
        code TEXT,
        message TEXT,
        settled_at INTEGER,
        settled_epoch INTEGER
      );
      CREATE INDEX outbox_target ON outbox (target, mutation_id);
      -- Partial indexes (SQLite uses one only when the query's WHERE repeats its WHERE), so
      -- the many pending rows cost nothing here and the sync panel never scans the outbox.
      CREATE INDEX outbox_rejected ON outbox (mutation_id) WHERE state = 'rejected';
      CREATE INDEX outbox_applied ON outbox (settled_epoch) WHERE state = 'applied';

      -- The server's clock as last seen (login): server time ≈ device time + offset_ms.
      CREATE TABLE server_clock (id INTEGER PRIMARY KEY CHECK (id = 1), offset_ms INTEGER NOT NULL, observed_at INTEGER NOT NULL);
    `,
  },
  {
    version: 3,
    sql: `
      -- Annotations on papers (shared/domain/annotation.ts): a write table like comments.
      CREATE TABLE annotations (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, document_id TEXT NOT NULL, author_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX annotations_document ON annotations (document_id);
      CREATE INDEX annotations_meeting ON annotations (meeting_id);
    `,
  },
  {
    version: 4,
    sql: `
      -- Written-opinion ballots (server only) and signed opinions (a write table: pending in
      -- the outbox until the server's verified/rejected record arrives). meeting_id '' = none.
      CREATE TABLE opinion_ballots (id TEXT PRIMARY KEY, deadline INTEGER NOT NULL, json BLOB NOT NULL);
      CREATE TABLE opinions (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, ballot_id TEXT NOT NULL, member_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX opinions_ballot ON opinions (ballot_id);
      CREATE INDEX opinions_meeting ON opinions (meeting_id);
      -- The member's signing certificate: the PKCS#12 file sealed with the KeySealer (opened
      -- with the member's password only to sign), and its public facts in clear for display.
      CREATE TABLE signing_credentials (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sealed_p12 BLOB NOT NULL,
        serial TEXT NOT NULL, subject TEXT NOT NULL, issuer TEXT NOT NULL,
        not_after INTEGER NOT NULL, sha256 TEXT NOT NULL, imported_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- Threaded comments on annotations (shared/domain/annotationComment.ts): a write table
      -- like comments; a row reaches this device exactly while its annotation does.
      CREATE TABLE annotation_comments (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, annotation_id TEXT NOT NULL,
        json BLOB, local_json BLOB, pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
        CHECK (json IS NOT NULL OR local_json IS NOT NULL)
      );
      CREATE INDEX annotation_comments_annotation ON annotation_comments (annotation_id);
      CREATE INDEX annotation_comments_meeting ON annotation_comments (meeting_id);
      -- Where each member left each paper (page, offset, zoom as JSON; no text of the paper):
      -- one row per user and document, for the file sha256 it was read at (a new version
      -- starts at the top). Not replica data: it survives another user signing in.
      -- updated_at: epoch ms (device clock), to bound the table to the most recent rows.
      CREATE TABLE reading_positions (
        user_id TEXT NOT NULL, document_id TEXT NOT NULL, sha256 TEXT NOT NULL,
        state_json TEXT NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE INDEX reading_positions_recent ON reading_positions (user_id, updated_at);
    `,
  },
  {
    version: 6,
    sql: `
      -- The roll call of each meeting (shared/domain/attendance.ts): one server record per
      -- meeting (id = meeting id), whole list of present user ids; never changed locally.
      CREATE TABLE attendance (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, json BLOB NOT NULL);
    `,
  },
  {
    version: 7,
    sql: `
      -- Reminders to answer a written-opinion ballot (shared/domain/reminder.ts), sent by the
      -- secretariat to this member only; never changed locally except dismissed (local only:
      -- 1 once the member dismissed the notice; a re-sent upsert keeps it). sent_at: epoch ms.
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY, ballot_id TEXT NOT NULL, sent_at INTEGER NOT NULL,
        dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)), json BLOB NOT NULL
      );
      CREATE INDEX reminders_open ON reminders (dismissed, sent_at);
    `,
  },
];
