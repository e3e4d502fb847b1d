import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { Ballot } from '../../../shared/domain/vote.ts';
import { openRecord, readRow, type RowState, type StoreContext } from '../outbox/overlay.ts';
import type { WriteRecords, WriteTable } from '../outbox/writeTables.ts';
import { intOf, optionalBytesOf, textOf } from '../store/rowValues.ts';

/** A write-table row as the views use it: what it shows, and whether a change waits. */
export interface ActivityRow<T> {
  id: string;
  view: T;
  pending: boolean;
}

/**
 * Reads comments, positions and ballots as the device shows them: the optimistic record while
 * local changes are not settled and echoed, else the server's (outbox/overlay.ts). Rows that
 * fail to open or parse are logged and skipped.
 */
export class ActivityReader {
  private readonly ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
  }

  commentsOfItem(agendaItemId: string): ActivityRow<Comment>[] {
    return this.list('comments', 'agenda_item_id', agendaItemId);
  }

  positionsOfMeeting(meetingId: string): ActivityRow<Position>[] {
    return this.list('positions', 'meeting_id', meetingId);
  }

  comment(id: string): RowState<'comments'> | null {
    return readRow(this.ctx, { table: 'comments', id });
  }

  ballot(id: string): RowState<'ballots'> | null {
    return readRow(this.ctx, { table: 'ballots', id });
  }

  ballotsOfVote(voteId: string): ActivityRow<Ballot>[] {
    return this.list('ballots', 'vote_id', voteId);
  }

  annotationsOfDocument(documentId: string): ActivityRow<AnnotationRecord>[] {
    return this.list('annotations', 'document_id', documentId);
  }

  annotation(id: string): RowState<'annotations'> | null {
    return readRow(this.ctx, { table: 'annotations', id });
  }

  commentsOfAnnotation(annotationId: string): ActivityRow<AnnotationComment>[] {
    return this.list('annotation_comments', 'annotation_id', annotationId);
  }

  annotationComment(id: string): RowState<'annotation_comments'> | null {
    return readRow(this.ctx, { table: 'annotation_comments', id });
  }

  private list<T extends WriteTable>(
    table: T,
    column: string,
    value: string,
  ): ActivityRow<WriteRecords[T]>[] {
    const sql = `SELECT id, json, local_json, pending FROM ${table} WHERE ${column} = ?`;
    const out: ActivityRow<WriteRecords[T]>[] = [];
    for (const row of this.ctx.db.prepare(sql).all(value)) {
      const target = { table, id: textOf(row, 'id') };
      const local = openRecord(this.ctx, target, optionalBytesOf(row, 'local_json'), true);
      const view = local ?? openRecord(this.ctx, target, optionalBytesOf(row, 'json'), false);
      if (view) out.push({ id: target.id, view, pending: intOf(row, 'pending') === 1 });
    }
    return out;
  }
}
