-- eCabinet server schema, version 2: the write path (what members write, and live votes).
-- Applied once, in one transaction, by server/src/db/migrate.ts on PGlite and PostgreSQL alike.
-- Keep server/src/db/memberSchema.ts and schema.ts in step with this file.
-- Committed migrations are never edited: add a new numbered file instead.

-- Exactly-once for pushed mutations: one row per device outbox (client id), bound to the first
-- user who pushed with it. A push locks this row (SELECT ... FOR UPDATE) and moves
-- last_mutation_id in the same transaction as the mutation's effect.
CREATE TABLE client_mutations (
  client_id        uuid PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  last_mutation_id bigint NOT NULL CHECK (last_mutation_id >= 0),
  updated_at       timestamptz NOT NULL
);
CREATE INDEX client_mutations_user ON client_mutations (user_id);

-- Comments per agenda item. A deleted comment keeps its row (and place in the thread) with an
-- empty body and deleted_at set.
CREATE TABLE comments (
  id             uuid PRIMARY KEY,
  meeting_id     uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  parent_id      uuid REFERENCES comments (id) ON DELETE CASCADE,
  author_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body           text NOT NULL CHECK (length(body) <= 10000),
  created_at     timestamptz NOT NULL,
  edited_at      timestamptz,
  deleted_at     timestamptz,
  CHECK (deleted_at IS NULL OR body = '')
);
CREATE INDEX comments_item ON comments (agenda_item_id, created_at);
CREATE INDEX comments_meeting ON comments (meeting_id);

-- A member's position per agenda item before the meeting: one row per (item, user).
CREATE TABLE positions (
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  meeting_id     uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  stance         text NOT NULL CHECK (stance IN ('no_objection', 'wish_to_speak', 'object')),
  note           text NOT NULL CHECK (length(note) <= 2000),
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (agenda_item_id, user_id)
);
CREATE INDEX positions_meeting ON positions (meeting_id);

-- Live votes. While open, count_* are the live counts of the ballots; closing stores the
-- tally (result) and the final counts, and from then on the row never changes (trigger below).
-- An agenda item with votes cannot be deleted (RESTRICT; the agenda service says CONFLICT).
CREATE TABLE votes (
  id             uuid PRIMARY KEY,
  meeting_id     uuid NOT NULL REFERENCES meetings (id),
  agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE RESTRICT,
  question       text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  rule_set_id    text NOT NULL CHECK (length(rule_set_id) BETWEEN 1 AND 64),
  status         text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at      timestamptz NOT NULL,
  opened_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  closed_at      timestamptz,
  closed_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  count_for      integer NOT NULL CHECK (count_for >= 0),
  count_against  integer NOT NULL CHECK (count_against >= 0),
  count_abstain  integer NOT NULL CHECK (count_abstain >= 0),
  result         jsonb,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (result IS NOT NULL))
);
CREATE INDEX votes_meeting ON votes (meeting_id);

-- One counted ballot per (vote, member): the latest received before the close. Named vote_ballots
-- so that it is not mistaken for the written-opinion ballots (phiếu lấy ý kiến) of workflow 4;
-- on the wire this is the `ballot` entity of shared/domain/vote.ts.
CREATE TABLE vote_ballots (
  vote_id    uuid NOT NULL REFERENCES votes (id),
  user_id    uuid NOT NULL REFERENCES users (id),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  choice     text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
  cast_at    timestamptz NOT NULL,
  PRIMARY KEY (vote_id, user_id)
);
CREATE INDEX vote_ballots_meeting ON vote_ballots (meeting_id);

-- A closed vote and its ballots are a record: refuse any later change, whatever the code does.
CREATE FUNCTION votes_refuse_change_after_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vote % is closed; its result and ballots are immutable', OLD.id;
END;
$$;
CREATE TRIGGER votes_closed_immutable BEFORE UPDATE OR DELETE ON votes
  FOR EACH ROW WHEN (OLD.status = 'closed') EXECUTE FUNCTION votes_refuse_change_after_close();

CREATE FUNCTION vote_ballots_refuse_change_after_close() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN target := OLD.vote_id; ELSE target := NEW.vote_id; END IF;
  IF EXISTS (SELECT 1 FROM votes WHERE id = target AND status = 'closed') THEN
    RAISE EXCEPTION 'vote % is closed; its ballots are immutable', target;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER vote_ballots_closed_immutable BEFORE INSERT OR UPDATE OR DELETE ON vote_ballots
  FOR EACH ROW EXECUTE FUNCTION vote_ballots_refuse_change_after_close();

-- Who is present at a meeting, as recorded by the secretariat (PUT .../attendance). Used for the
-- quorum when a vote closes; see server/README.md "Live votes".
CREATE TABLE attendance (
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, user_id)
);

-- The change log carries the new entities. owner_user_id: among members only this one sees the
-- entry (staff see it too) — a member's own positions and ballots.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check CHECK (entity IN (
  'user', 'meeting', 'agendaItem', 'document', 'documentVersion', 'participant',
  'comment', 'position', 'vote', 'ballot'));
ALTER TABLE change_log ADD COLUMN owner_user_id uuid;
