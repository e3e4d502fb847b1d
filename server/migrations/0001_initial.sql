-- eCabinet server schema, version 1. Applied once, in one transaction, by server/src/db/migrate.ts
-- on PGlite and on PostgreSQL alike. Keep server/src/db/schema.ts in step with this file.
-- Committed migrations are never edited: add a new numbered file instead.

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 64),
  display_name  text NOT NULL,
  title         text NOT NULL,
  unit          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('member', 'secretariat', 'admin')),
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE devices (
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id     uuid NOT NULL,
  name          text NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  last_address  text NOT NULL,
  PRIMARY KEY (user_id, device_id)
);

CREATE TABLE tokens (
  id         uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_id  uuid NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX tokens_user_device ON tokens (user_id, device_id);

CREATE TABLE login_failures (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key       text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, failed_at);

CREATE TABLE meetings (
  id         uuid PRIMARY KEY,
  title      text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('regular', 'thematic', 'extraordinary')),
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  location   text NOT NULL,
  chair_id   uuid REFERENCES users (id) ON DELETE SET NULL,
  status     text NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at >= starts_at)
);

CREATE TABLE agenda_items (
  id               uuid PRIMARY KEY,
  meeting_id       uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position         integer NOT NULL CHECK (position >= 1),
  title            text NOT NULL,
  presenter        text NOT NULL,
  starts_at        timestamptz,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
  summary          text NOT NULL,
  updated_at       timestamptz NOT NULL,
  -- Deferred so that one transaction may swap the positions of two items.
  CONSTRAINT agenda_items_position UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE documents (
  id              uuid PRIMARY KEY,
  meeting_id      uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id  uuid REFERENCES agenda_items (id) ON DELETE SET NULL,
  title           text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('submission', 'draft', 'report', 'other')),
  position        integer NOT NULL CHECK (position >= 1),
  current_version integer NOT NULL CHECK (current_version >= 0),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX documents_meeting ON documents (meeting_id);

CREATE TABLE document_versions (
  id          uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  version     integer NOT NULL CHECK (version >= 1),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL CHECK (size >= 0),
  page_count  integer NOT NULL CHECK (page_count >= 0),
  file_name   text NOT NULL,
  created_by  uuid,
  created_at  timestamptz NOT NULL,
  UNIQUE (document_id, version)
);
CREATE INDEX document_versions_sha256 ON document_versions (sha256);

CREATE TABLE participants (
  meeting_id     uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role           text NOT NULL CHECK (role IN ('chair', 'member', 'substitute', 'secretariat', 'guest')),
  substitute_for uuid REFERENCES users (id) ON DELETE SET NULL,
  may_vote       boolean NOT NULL,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX participants_user ON participants (user_id);

CREATE TABLE counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL CHECK (value >= 0)
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('audit_seq', 0);

-- The change log: seq is allocated from counters.change_seq inside the writer's transaction.
CREATE TABLE change_log (
  seq            bigint PRIMARY KEY CHECK (seq >= 1),
  entity         text NOT NULL CHECK (entity IN ('user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant')),
  entity_id      text NOT NULL,
  op             text NOT NULL CHECK (op IN ('upsert', 'delete')),
  data           jsonb,
  meeting_id     uuid,
  target_user_id uuid,
  created_at     timestamptz NOT NULL,
  CHECK ((op = 'upsert') = (data IS NOT NULL))
);
CREATE INDEX change_log_target ON change_log (target_user_id, seq);

-- The audit log: append-only, hash-chained (hash = SHA-256(prev_hash || content)).
CREATE TABLE audit_log (
  seq             bigint PRIMARY KEY CHECK (seq >= 1),
  at              timestamptz NOT NULL,
  actor_user_id   uuid,
  actor_device_id uuid,
  address         text,
  action          text NOT NULL,
  subject         text,
  details         text NOT NULL,
  prev_hash       text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
