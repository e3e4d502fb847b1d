import type { DatabaseSync } from 'node:sqlite';
import { opinionBallotSchema } from '../../../shared/domain/opinionBallot.ts';
import { reminderSchema, type Reminder } from '../../../shared/domain/reminder.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import { notFound, type FeatureContext } from '../features/FeatureContext.ts';
import type { Logger } from '../log/logger.ts';
import { openRecord } from '../outbox/overlay.ts';
import { recordContext } from '../store/replicaTables.ts';
import { optionalBytesOf, textOf } from '../store/rowValues.ts';

/**
 * Reminders to answer a written-opinion ballot on this device (the server sends each to its
 * member only). The notices shown are the ones not dismissed and still to act on, newest first:
 * a reminder whose ballot this device knows is closed, or on which the member's opinion came
 * back verified from the server, is no longer shown (a pending or refused one keeps it shown).
 * Dismissing is local to this device (the server keeps its record, and a re-sent copy stays
 * dismissed).
 */
export class ReminderService {
  private readonly deps: {
    db: DatabaseSync;
    cipher: FieldCipher;
    log: Logger;
    ctx: FeatureContext;
  };

  constructor(deps: ReminderService['deps']) {
    this.deps = deps;
  }

  list(): Reminder[] {
    const user = this.deps.ctx.user();
    const rows = this.deps.db
      .prepare('SELECT id, json FROM reminders WHERE dismissed = 0 ORDER BY sent_at DESC, id')
      .all();
    const out: Reminder[] = [];
    for (const row of rows) {
      const id = textOf(row, 'id');
      try {
        const sealed = optionalBytesOf(row, 'json');
        if (!sealed) continue;
        const text = this.deps.cipher.open(sealed, recordContext('reminders', id));
        const reminder = reminderSchema.parse(JSON.parse(text));
        if (reminder.memberId === user.id && !this.settled(reminder.ballotId, user.id))
          out.push(reminder);
      } catch (error) {
        this.deps.log.warn('a reminder could not be read', { id, error: String(error) });
      }
    }
    return out;
  }

  /**
   * Whether the reminder's ballot needs nothing more from `userId` on this device: it is closed,
   * or the server verified one of their opinions on it (a later refused one does not undo that:
   * the verified opinion still counts). A ballot this device does not have is not settled.
   */
  private settled(ballotId: string, userId: string): boolean {
    const { db, cipher, log } = this.deps;
    const ballotRow = db.prepare('SELECT json FROM opinion_ballots WHERE id = ?').get(ballotId);
    const sealedBallot = ballotRow ? optionalBytesOf(ballotRow, 'json') : null;
    if (sealedBallot) {
      try {
        const text = cipher.open(sealedBallot, recordContext('opinion_ballots', ballotId));
        if (opinionBallotSchema.parse(JSON.parse(text)).status === 'closed') return true;
      } catch (error) {
        log.warn('an opinion ballot could not be read', { id: ballotId, error: String(error) });
      }
    }
    const sql = 'SELECT id, json FROM opinions WHERE ballot_id = ? AND member_id = ?';
    for (const row of db.prepare(sql).all(ballotId, userId)) {
      const target = { table: 'opinions' as const, id: textOf(row, 'id') };
      const server = openRecord({ db, cipher, log }, target, optionalBytesOf(row, 'json'), false);
      if (server?.status === 'verified') return true;
    }
    return false;
  }

  dismiss(id: string): void {
    this.deps.ctx.user();
    const result = this.deps.db
      .prepare('UPDATE reminders SET dismissed = 1 WHERE id = ? AND dismissed = 0')
      .run(id);
    if (
      result.changes === 0 &&
      !this.deps.db.prepare('SELECT 1 FROM reminders WHERE id = ?').get(id)
    )
      throw notFound('reminder');
  }
}
