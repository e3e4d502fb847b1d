import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * The server's tables, for Drizzle queries. The DDL itself lives in the committed SQL files of
 * server/migrations/ (same SQL for PGlite and PostgreSQL); keep the two in step. Constraints
 * Drizzle cannot express (CHECKs, DEFERRABLE uniques, the audit trigger) are only in the SQL.
 * All instants are `timestamptz` read back as Date (millisecond precision, set by the server's
 * clock, never by a client). What members write (comments, positions, votes, ballots) and the
 * push bookkeeping are in memberSchema.ts.
 */

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  /** Lower-case; unique. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  title: text('title').notNull(),
  unit: text('unit').notNull(),
  /** member | secretariat | admin */
  role: text('role').notNull(),
  /** `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`; see auth/passwordHash.ts. */
  passwordHash: text('password_hash').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** One row per (user, installation): recorded at each login. */
export const devices = pgTable(
  'devices',
  {
    userId: uuid('user_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    name: text('name').notNull(),
    firstSeenAt: instant('first_seen_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    lastAddress: text('last_address').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceId] })],
);

/** Login tokens. Only the SHA-256 of the opaque token is stored. */
export const tokens = pgTable('tokens', {
  id: uuid('id').primaryKey(),
  /** Lower-case hex SHA-256 of the token string. */
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').notNull(),
  deviceId: uuid('device_id').notNull(),
  createdAt: instant('created_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at'),
});

/** One row per failed login, per key (`user:<name>` and `addr:<address>`); pruned by age. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    failedAt: instant('failed_at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.failedAt)],
);

export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  startsAt: instant('starts_at').notNull(),
  endsAt: instant('ends_at').notNull(),
  location: text('location').notNull(),
  chairId: uuid('chair_id'),
  /** draft | published | closed */
  status: text('status').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const agendaItems = pgTable('agenda_items', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  /** 1-based; unique per meeting (DEFERRABLE in SQL so a reorder can swap positions). */
  position: integer('position').notNull(),
  title: text('title').notNull(),
  presenter: text('presenter').notNull(),
  startsAt: instant('starts_at'),
  /** Minutes. */
  durationMinutes: integer('duration_minutes').notNull(),
  summary: text('summary').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  agendaItemId: uuid('agenda_item_id'),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  position: integer('position').notNull(),
  /** 0 until the first version is uploaded; such a document is not on the wire yet. */
  currentVersion: integer('current_version').notNull(),
  /** false: members' devices refuse to copy or export the paper's text (migration 0008). */
  copyAllowed: boolean('copy_allowed').notNull().default(true),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    version: integer('version').notNull(),
    /** Content address of the blob: lower-case hex SHA-256. */
    sha256: text('sha256').notNull(),
    /** Bytes. */
    size: bigint('size', { mode: 'number' }).notNull(),
    pageCount: integer('page_count').notNull(),
    fileName: text('file_name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('document_versions_sha256').on(t.sha256)],
);

export const participants = pgTable(
  'participants',
  {
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    substituteFor: uuid('substitute_for'),
    mayVote: boolean('may_vote').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/**
 * Named counters. `change_seq` is the head of the change log and `audit_seq` of the audit
 * log; a writer takes the row lock with `UPDATE ... RETURNING`, which serialises writers of
 * that log until they commit (so entries commit in seq order, without gaps).
 */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

export const changeLog = pgTable(
  'change_log',
  {
    /** Global, gap-free, 1-based. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** upsert | delete */
    op: text('op').notNull(),
    /** The record in its shared/domain shape for upserts; null for deletes. */
    data: jsonb('data'),
    /** The meeting the entry belongs to; null for global entries (users directory). */
    meetingId: uuid('meeting_id'),
    /** Set: only this user may see the entry (snapshots on gaining access, tombstones). */
    targetUserId: uuid('target_user_id'),
    /**
     * Set: among members only this user sees the entry; staff see it too (a member's own
     * positions and ballots). Migration 0002.
     */
    ownerUserId: uuid('owner_user_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('change_log_target').on(t.targetUserId, t.seq)],
);

/** Append-only (a trigger refuses UPDATE and DELETE) and hash-chained; see audit/auditLog.ts. */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: instant('at').notNull(),
  actorUserId: uuid('actor_user_id'),
  actorDeviceId: uuid('actor_device_id'),
  address: text('address'),
  action: text('action').notNull(),
  subject: text('subject'),
  /** The details as the exact JSON text that was hashed. */
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
