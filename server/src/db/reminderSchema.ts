import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/** Reminders to answer a written-opinion ballot (migration 0007_reminders.sql). */
export const reminders = pgTable('reminders', {
  id: uuid('id').primaryKey(),
  ballotId: uuid('ballot_id').notNull(),
  /** The member reminded: the only user the reminder reaches. */
  memberId: uuid('member_id').notNull(),
  sentBy: uuid('sent_by'),
  /** Server time. */
  sentAt: instant('sent_at').notNull(),
});
