import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Reminder } from '../../../shared/domain/reminder.ts';

interface ReminderStatements {
  upsert: StatementSync;
  remove: StatementSync;
}

const cache = new WeakMap<DatabaseSync, ReminderStatements>();

function statements(db: DatabaseSync): ReminderStatements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    // The server's record replaces the stored one; `dismissed` is this device's and stays.
    upsert: db.prepare(
      `INSERT INTO reminders (id, ballot_id, sent_at, json) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET ballot_id = excluded.ballot_id,
         sent_at = excluded.sent_at, json = excluded.json`,
    ),
    remove: db.prepare('DELETE FROM reminders WHERE id = ?'),
  };
  cache.set(db, s);
  return s;
}

/** Stores a reminder from the server (`sealed` is its sealed JSON), keeping a local dismissal. */
export function upsertReminder(db: DatabaseSync, reminder: Reminder, sealed: Buffer): void {
  statements(db).upsert.run(reminder.id, reminder.ballotId, Date.parse(reminder.sentAt), sealed);
}

export function deleteReminder(db: DatabaseSync, id: string): void {
  statements(db).remove.run(id);
}
