-- eCabinet server schema, version 4: written-opinion ballots (phiếu lấy ý kiến, workflow 4),
-- signed opinions and the certificates bound to members. Applied once by server/src/db/migrate.ts
-- on PGlite and PostgreSQL alike. Keep server/src/db/opinionSchema.ts in step with this file.
-- Committed migrations are never edited: add a new numbered file instead.

-- A ballot: a question on exact document versions, with a deadline and the members asked.
-- Named opinion_ballots so it is not mistaken for vote_ballots (a member's live vote).
CREATE TABLE opinion_ballots (
  id          uuid PRIMARY KEY,
  meeting_id  uuid REFERENCES meetings (id) ON DELETE SET NULL,
  question    text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  deadline    timestamptz NOT NULL,
  rule_set_id text NOT NULL CHECK (length(rule_set_id) BETWEEN 1 AND 64),
  status      text NOT NULL CHECK (status IN ('open', 'closed')),
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL
);

-- The documents a ballot is on. The version an opinion must sign is the document's current
-- version at trusted time (a new draft version makes older signatures STALE_DOCUMENTS).
CREATE TABLE opinion_ballot_documents (
  ballot_id   uuid NOT NULL REFERENCES opinion_ballots (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  position    integer NOT NULL CHECK (position >= 1),
  PRIMARY KEY (ballot_id, document_id)
);

-- The members whose written opinion is asked (and counts toward the majority of all).
CREATE TABLE opinion_ballot_members (
  ballot_id uuid NOT NULL REFERENCES opinion_ballots (id) ON DELETE CASCADE,
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (ballot_id, user_id)
);
CREATE INDEX opinion_ballot_members_user ON opinion_ballot_members (user_id);

-- Certificates an administrator bound to a member: an opinion counts only when signed with one.
CREATE TABLE certificate_bindings (
  sha256     text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  serial     text NOT NULL CHECK (serial ~ '^[0-9a-f]{2,40}$'),
  subject    text NOT NULL,
  not_after  timestamptz NOT NULL,
  cert_der   bytea NOT NULL,
  bound_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  bound_at   timestamptz NOT NULL
);
CREATE INDEX certificate_bindings_user ON certificate_bindings (user_id);

-- Every signed opinion received, verified or rejected (with its code): the evidence is kept
-- as received. received_at is the server's time (trusted), signing_time the device's claim.
-- A verified opinion with a later one by the same member is superseded (superseded_by set).
CREATE TABLE opinions (
  id               uuid PRIMARY KEY,
  ballot_id        uuid NOT NULL REFERENCES opinion_ballots (id) ON DELETE CASCADE,
  member_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  choice           text CHECK (choice IN ('agree', 'disagree', 'other')),
  text             text NOT NULL,
  exceptions       jsonb NOT NULL,
  payload          bytea NOT NULL,
  signature        bytea NOT NULL,
  signature_sha256 text NOT NULL CHECK (signature_sha256 ~ '^[0-9a-f]{64}$'),
  replay_key       text NOT NULL CHECK (replay_key ~ '^[0-9a-f]{64}$'),
  cert_serial      text,
  signing_time     timestamptz,
  received_at      timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('verified', 'rejected')),
  code             text,
  message          text NOT NULL,
  supersedes       uuid REFERENCES opinions (id) ON DELETE SET NULL,
  superseded_by    uuid,
  CHECK ((status = 'rejected') = (code IS NOT NULL)),
  CHECK (status = 'rejected' OR (choice IS NOT NULL AND signing_time IS NOT NULL))
);
-- Replay: one verified opinion per signed payload, whatever envelope it came in.
CREATE UNIQUE INDEX opinions_replay_key ON opinions (replay_key) WHERE status = 'verified';
-- At most one current (verified, not superseded) opinion per member and ballot.
CREATE UNIQUE INDEX opinions_current ON opinions (ballot_id, member_id)
  WHERE status = 'verified' AND superseded_by IS NULL;
CREATE INDEX opinions_ballot ON opinions (ballot_id, member_id, received_at);

-- The change log carries ballots (one owned entry per member asked) and opinions (owned by
-- their author); both outside any meeting (meeting_id NULL), so staff see all of them.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity IN (
  'user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant',
  'comment', 'position', 'vote', 'ballot', 'annotation', 'opinionBallot', 'opinion'));
