-- eCabinet server schema, version 5: the change log may carry three more entities, reserved
-- here once so the features adding them (each with its own later migration for its tables)
-- need not rewrite the constraint again:
--   attendance        — who is present at a meeting (quorum is judged on it), per meeting;
--   annotationComment — a threaded comment on an annotation, visible as its annotation is;
--   reminder          — an in-app notice to one member (e.g. a ballot not yet answered).
-- Committed migrations are never edited: add a new numbered file instead.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity IN (
  'user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant',
  'comment', 'position', 'vote', 'ballot', 'annotation', 'opinionBallot', 'opinion',
  'attendance', 'annotationComment', 'reminder'));
