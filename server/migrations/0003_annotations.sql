-- eCabinet server schema, version 3: members' annotations on papers (shared/domain/annotation.ts).
-- Applied once, in one transaction, by server/src/db/migrate.ts on PGlite and PostgreSQL alike.
-- Keep server/src/db/annotationSchema.ts in step with this file.
-- Committed migrations are never edited: add a new numbered file instead.

-- One row per annotation. Geometry (shape) is in PDF user space on document version `version`
-- (whose file is `sha256`). Only the author changes a row; a delete keeps it as a tombstone
-- (empty body, deleted_at set) so every device that had it drops it.
-- visibility: private → the author only; secretariat → the author and staff;
-- participants → everyone who takes part in the meeting (and staff).
CREATE TABLE annotations (
  id          uuid PRIMARY KEY,
  meeting_id  uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version     integer NOT NULL CHECK (version >= 1),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  page_index  integer NOT NULL CHECK (page_index >= 0),
  author_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  visibility  text NOT NULL CHECK (visibility IN ('private', 'secretariat', 'participants')),
  color       text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
  body        text NOT NULL CHECK (length(body) <= 20000),
  shape       jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz,
  CHECK (deleted_at IS NULL OR body = '')
);
CREATE INDEX annotations_document ON annotations (document_id);
CREATE INDEX annotations_meeting_author ON annotations (meeting_id, author_id);

ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity IN (
  'user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant',
  'comment', 'position', 'vote', 'ballot', 'annotation'));
