import { customType, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Written-opinion ballots, signed opinions and certificate bindings (migration
 * 0004_ballots.sql). CHECKs and the partial unique indexes (replay key, one current opinion per
 * member and ballot) live only in the SQL. Instants are set by the server.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value),
  fromDriver: (value) => new Uint8Array(value),
});

export const opinionBallots = pgTable('opinion_ballots', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id'),
  question: text('question').notNull(),
  deadline: instant('deadline').notNull(),
  ruleSetId: text('rule_set_id').notNull(),
  /** open | closed */
  status: text('status').notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull(),
  /** Set with `result` when the ballot closes (0007_reminders.sql); never changed after. */
  closedAt: instant('closed_at'),
  closedBy: uuid('closed_by'),
  /** shared/opinions/ballotResultSchema.ts as stored at close; null while open. */
  result: jsonb('result'),
});

export const opinionBallotDocuments = pgTable(
  'opinion_ballot_documents',
  {
    ballotId: uuid('ballot_id').notNull(),
    documentId: uuid('document_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.documentId] })],
);

export const opinionBallotMembers = pgTable(
  'opinion_ballot_members',
  {
    ballotId: uuid('ballot_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.userId] })],
);

export const certificateBindings = pgTable('certificate_bindings', {
  /** SHA-256 of the certificate DER, lower-case hex: the identity bound. */
  sha256: text('sha256').primaryKey(),
  userId: uuid('user_id').notNull(),
  serial: text('serial').notNull(),
  subject: text('subject').notNull(),
  notAfter: instant('not_after').notNull(),
  certDer: bytea('cert_der').notNull(),
  boundBy: uuid('bound_by'),
  boundAt: instant('bound_at').notNull(),
});

export const opinions = pgTable('opinions', {
  id: uuid('id').primaryKey(),
  ballotId: uuid('ballot_id').notNull(),
  memberId: uuid('member_id').notNull(),
  /** agree | disagree | other; null for a rejected opinion whose payload did not parse. */
  choice: text('choice'),
  text: text('text').notNull(),
  exceptions: jsonb('exceptions').notNull(),
  payload: bytea('payload').notNull(),
  signature: bytea('signature').notNull(),
  signatureSha256: text('signature_sha256').notNull(),
  replayKey: text('replay_key').notNull(),
  certSerial: text('cert_serial'),
  signingTime: instant('signing_time'),
  /** The server's receive time: the trusted time of every deadline rule. */
  receivedAt: instant('received_at').notNull(),
  /** verified | rejected */
  status: text('status').notNull(),
  /** The OpinionVerifyCode of a rejection; null when verified. */
  code: text('code'),
  message: text('message').notNull(),
  supersedes: uuid('supersedes'),
  supersededBy: uuid('superseded_by'),
});
