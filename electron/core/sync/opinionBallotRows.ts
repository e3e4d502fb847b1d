import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';

interface BallotStatements {
  upsert: StatementSync;
  remove: StatementSync;
}

const cache = new WeakMap<DatabaseSync, BallotStatements>();

function statements(db: DatabaseSync): BallotStatements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    upsert: db.prepare(
      'INSERT OR REPLACE INTO opinion_ballots (id, deadline, json) VALUES (?, ?, ?)',
    ),
    remove: db.prepare('DELETE FROM opinion_ballots WHERE id = ?'),
  };
  cache.set(db, s);
  return s;
}

/** Stores a written-opinion ballot (server only; `sealed` is its sealed JSON). */
export function upsertOpinionBallot(db: DatabaseSync, ballot: OpinionBallot, sealed: Buffer): void {
  statements(db).upsert.run(ballot.id, Date.parse(ballot.deadline), sealed);
}

export function deleteOpinionBallot(db: DatabaseSync, id: string): void {
  statements(db).remove.run(id);
}
