-- eCabinet server schema, version 8: a copy policy per paper. The secretariat may forbid
-- copying a paper's text (and exporting it) on members' devices; existing papers stay copyable.
-- Keep server/src/db/schema.ts (documents.copyAllowed) in step.
-- Committed migrations are never edited: add a new numbered file instead.
ALTER TABLE documents ADD COLUMN copy_allowed boolean NOT NULL DEFAULT true;
