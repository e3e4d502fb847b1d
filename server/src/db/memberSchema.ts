import { bigint, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * The write path's tables (migration 0002_write_path.sql): what members write offline and push
 * (comments, positions, ballots), the secretariat's live votes, attendance for the quorum, and
 * the per-client bookkeeping that makes every pushed mutation apply exactly once. CHECKs and
 * the triggers that freeze a closed vote live only in the SQL. Instants are set by the server.
 */

/**
 * One row per device outbox. `userId` is the first user who pushed with the client id (the id
 * stays theirs); `lastMutationId` is the highest id applied or rejected, moved in the same
 * transaction as that mutation's effect.
 */
export const clientMutations = pgTable('client_mutations', {
  clientId: uuid('client_id').primaryKey(),
  userId: uuid('user_id').notNull(),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const comments = pgTable('comments', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  parentId: uuid('parent_id'),
  authorId: uuid('author_id').notNull(),
  /** Plain text, ≤ 10,000 characters; '' once deleted. */
  body: text('body').notNull(),
  createdAt: instant('created_at').notNull(),
  editedAt: instant('edited_at'),
  deletedAt: instant('deleted_at'),
});

/** One per (agenda item, user): the latest position set replaces the earlier one. */
export const positions = pgTable(
  'positions',
  {
    agendaItemId: uuid('agenda_item_id').notNull(),
    userId: uuid('user_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    /** no_objection | wish_to_speak | object */
    stance: text('stance').notNull(),
    note: text('note').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.userId] })],
);

export const votes = pgTable('votes', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  agendaItemId: uuid('agenda_item_id').notNull(),
  question: text('question').notNull(),
  /** A key of shared/rules/ruleSet.ts RULE_SETS. */
  ruleSetId: text('rule_set_id').notNull(),
  /** open | closed; a closed row never changes again (trigger). */
  status: text('status').notNull(),
  openedAt: instant('opened_at').notNull(),
  openedBy: uuid('opened_by'),
  closedAt: instant('closed_at'),
  closedBy: uuid('closed_by'),
  /** Live counts of the ballots while open; the tally's counts once closed. */
  countFor: integer('count_for').notNull(),
  countAgainst: integer('count_against').notNull(),
  countAbstain: integer('count_abstain').notNull(),
  /** The TallyResult (shared/domain/vote.ts tallyResultSchema) once closed; null while open. */
  result: jsonb('result'),
});

/**
 * One counted ballot per (vote, user): the latest the server received before the close. The
 * `ballot` entity on the wire; the table is vote_ballots so that it is not mistaken for the
 * written-opinion ballots (workflow 4).
 */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    voteId: uuid('vote_id').notNull(),
    userId: uuid('user_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    /** for | against | abstain */
    choice: text('choice').notNull(),
    /** Server receive time of the ballot that counts. */
    castAt: instant('cast_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.userId] })],
);

/** A row = this user is recorded present at this meeting (PUT .../attendance). */
export const attendance = pgTable(
  'attendance',
  {
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);
