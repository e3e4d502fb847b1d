import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Members' annotations on papers (migration 0003_annotations.sql). CHECKs live only in the SQL.
 * Instants are set by the server.
 */

export const annotations = pgTable('annotations', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  documentId: uuid('document_id').notNull(),
  version: integer('version').notNull(),
  sha256: text('sha256').notNull(),
  pageIndex: integer('page_index').notNull(),
  authorId: uuid('author_id').notNull(),
  /** private | secretariat | participants */
  visibility: text('visibility').notNull(),
  color: text('color').notNull(),
  /** Plain text; '' once deleted. */
  body: text('body').notNull(),
  /** shared/domain/annotation.ts annotationShapeSchema, parsed when read. */
  shape: jsonb('shape').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  deletedAt: instant('deleted_at'),
});

/**
 * Comments on annotations (migration 0006_annotation_comments.sql): visible exactly to those
 * who can see their annotation. Plain text; '' once deleted. Instants are set by the server.
 */
export const annotationComments = pgTable('annotation_comments', {
  id: uuid('id').primaryKey(),
  meetingId: uuid('meeting_id').notNull(),
  annotationId: uuid('annotation_id').notNull(),
  parentId: uuid('parent_id'),
  authorId: uuid('author_id').notNull(),
  body: text('body').notNull(),
  createdAt: instant('created_at').notNull(),
  editedAt: instant('edited_at'),
  deletedAt: instant('deleted_at'),
});
