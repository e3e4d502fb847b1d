-- eCabinet server schema, version 6: threaded comments on annotations (entity
-- 'annotationComment', reserved in the change log by 0005; shared/domain/annotationComment.ts).
-- Applied once, in one transaction, by server/src/db/migrate.ts on PGlite and PostgreSQL alike.
-- Keep server/src/db/annotationSchema.ts in step with this file.
-- Committed migrations are never edited: add a new numbered file instead.

-- One row per comment. A comment is visible exactly to those who can see its annotation
-- (server/src/annotations/annotationCommentRows.ts). Only the author edits or deletes; a delete
-- keeps the row as a tombstone (empty body, deleted_at set) so it keeps its place in the thread.
-- parent_id: a comment of the same annotation (checked by the server), or NULL.
CREATE TABLE annotation_comments (
  id            uuid PRIMARY KEY,
  meeting_id    uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  annotation_id uuid NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  parent_id     uuid REFERENCES annotation_comments (id) ON DELETE CASCADE,
  author_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body          text NOT NULL CHECK (length(body) <= 10000),
  created_at    timestamptz NOT NULL,
  edited_at     timestamptz,
  deleted_at    timestamptz,
  CHECK (deleted_at IS NULL OR body = '')
);
CREATE INDEX annotation_comments_annotation ON annotation_comments (annotation_id, created_at);
