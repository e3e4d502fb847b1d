-- eCabinet server schema, version 7: closing written-opinion ballots and reminders to answer
-- (workflow 4). Keep server/src/db/opinionSchema.ts and server/src/db/reminderSchema.ts in step.
-- Committed migrations are never edited: add a new numbered file instead.

-- Closing a ballot stores its result once (shared/opinions/ballotResult.ts at the moment of
-- closing, JSON of shared/opinions/ballotResultSchema.ts): the record the secretariat reports.
ALTER TABLE opinion_ballots ADD COLUMN closed_at timestamptz;
ALTER TABLE opinion_ballots ADD COLUMN closed_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE opinion_ballots ADD COLUMN result jsonb;
ALTER TABLE opinion_ballots ADD CONSTRAINT opinion_ballots_closed_result CHECK (
  (status = 'closed') = (closed_at IS NOT NULL AND result IS NOT NULL));

-- A closed ballot is a record: refuse any later change to it, whatever the code does. The one
-- change let through is the database's own ON DELETE SET NULL on its links (meeting, creator,
-- closer), so deleting a meeting or a user never fails on a closed ballot.
CREATE FUNCTION opinion_ballots_refuse_change_after_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ROW(NEW.id, NEW.question, NEW.deadline, NEW.rule_set_id, NEW.status, NEW.created_at,
         NEW.closed_at, NEW.result)
       IS NOT DISTINCT FROM
     ROW(OLD.id, OLD.question, OLD.deadline, OLD.rule_set_id, OLD.status, OLD.created_at,
         OLD.closed_at, OLD.result)
     AND (NEW.meeting_id IS NULL OR NEW.meeting_id = OLD.meeting_id)
     AND (NEW.created_by IS NULL OR NEW.created_by = OLD.created_by)
     AND (NEW.closed_by IS NULL OR NEW.closed_by = OLD.closed_by) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'opinion ballot % is closed; its result is immutable', OLD.id;
END;
$$;
CREATE TRIGGER opinion_ballots_closed_immutable BEFORE UPDATE ON opinion_ballots
  FOR EACH ROW WHEN (OLD.status = 'closed')
  EXECUTE FUNCTION opinion_ballots_refuse_change_after_close();

-- ...and no opinion can come to count on it any more (a refused one is still kept as
-- evidence). Only a row becoming verified is checked, so link updates (ON DELETE SET NULL)
-- on an opinion already verified before the close go through.
CREATE FUNCTION opinions_refuse_verified_after_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM opinion_ballots WHERE id = NEW.ballot_id AND status = 'closed') THEN
    RAISE EXCEPTION 'opinion ballot % is closed; no opinion may be verified on it', NEW.ballot_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER opinions_closed_ballot_insert BEFORE INSERT ON opinions
  FOR EACH ROW WHEN (NEW.status = 'verified')
  EXECUTE FUNCTION opinions_refuse_verified_after_close();
CREATE TRIGGER opinions_closed_ballot_update BEFORE UPDATE ON opinions
  FOR EACH ROW WHEN (NEW.status = 'verified' AND OLD.status IS DISTINCT FROM 'verified')
  EXECUTE FUNCTION opinions_refuse_verified_after_close();

-- A reminder to answer, sent by the secretariat to one member asked on a ballot. It reaches
-- that member's devices only (a change-log entry targeted to them); dismissal is local there.
CREATE TABLE reminders (
  id         uuid PRIMARY KEY,
  ballot_id  uuid NOT NULL REFERENCES opinion_ballots (id) ON DELETE CASCADE,
  member_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sent_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  sent_at    timestamptz NOT NULL
);
CREATE INDEX reminders_ballot ON reminders (ballot_id, member_id, sent_at);
