import type { z } from 'zod';
import {
  annotationRecordSchema,
  type AnnotationRecord,
} from '../../../shared/domain/annotation.ts';
import {
  annotationCommentSchema,
  type AnnotationComment,
} from '../../../shared/domain/annotationComment.ts';
import { commentSchema, type Comment } from '../../../shared/domain/comment.ts';
import { opinionViewSchema, type OpinionView } from '../../../shared/domain/opinionBallot.ts';
import { positionSchema, type Position } from '../../../shared/domain/position.ts';
import { ballotSchema, type Ballot } from '../../../shared/domain/vote.ts';

/**
 * The replica tables a local change writes to (optimistically), with the plain columns each
 * keeps beside its sealed JSON for indexes and joins. Every such table has the columns
 * `id, <plain…>, json, local_json, pending` (store/migrations.ts, version 2).
 */
export interface WriteRecords {
  comments: Comment;
  positions: Position;
  ballots: Ballot;
  annotations: AnnotationRecord;
  opinions: OpinionView;
  annotation_comments: AnnotationComment;
}
export type WriteTable = keyof WriteRecords;
export type WriteRecord = WriteRecords[WriteTable];

export interface WriteTableSpec<T extends WriteTable> {
  schema: z.ZodType<WriteRecords[T]>;
  /** Plain columns after `id`, in order. */
  columns: readonly string[];
  /** Their values for a record, in the same order. */
  values(record: WriteRecords[T]): string[];
}

export const WRITE_TABLES: { [T in WriteTable]: WriteTableSpec<T> } = {
  comments: {
    schema: commentSchema,
    columns: ['meeting_id', 'agenda_item_id'],
    values: (c) => [c.meetingId, c.agendaItemId],
  },
  positions: {
    schema: positionSchema,
    columns: ['meeting_id', 'agenda_item_id', 'user_id'],
    values: (p) => [p.meetingId, p.agendaItemId, p.userId],
  },
  ballots: {
    schema: ballotSchema,
    columns: ['vote_id', 'meeting_id', 'user_id'],
    values: (b) => [b.voteId, b.meetingId, b.userId],
  },
  annotations: {
    schema: annotationRecordSchema,
    columns: ['meeting_id', 'document_id', 'author_id'],
    values: (a) => [a.meetingId, a.documentId, a.authorId],
  },
  opinions: {
    schema: opinionViewSchema,
    columns: ['meeting_id', 'ballot_id', 'member_id'],
    // '' = not in a meeting (a ballot between meetings): never erased with one.
    values: (o) => [o.meetingId ?? '', o.ballotId, o.memberId],
  },
  annotation_comments: {
    schema: annotationCommentSchema,
    columns: ['meeting_id', 'annotation_id'],
    values: (c) => [c.meetingId, c.annotationId],
  },
};

export const WRITE_TABLE_NAMES = Object.keys(WRITE_TABLES) as WriteTable[];

/** The replica row a mutation changes. */
export interface Target {
  table: WriteTable;
  id: string;
}

/** `<table>:<id>`, the outbox's `target` column. */
export function targetKey(target: Target): string {
  return `${target.table}:${target.id}`;
}

export function parseTargetKey(key: string): Target | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const table = key.slice(0, colon);
  const id = key.slice(colon + 1);
  return isWriteTable(table) && id !== '' ? { table, id } : null;
}

export function isWriteTable(value: string): value is WriteTable {
  return Object.hasOwn(WRITE_TABLES, value);
}
