import { randomUUID } from 'node:crypto';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { CommentThread, CommentView } from '../../../shared/domain/views.ts';
import { applyToComment } from '../../../shared/sync/optimistic.ts';
import { AuthoredComments } from './AuthoredComments.ts';
import { type FeatureContext, notFound } from './FeatureContext.ts';

/**
 * Comments per agenda item (workflow 2). Comments belong to their author: only the author
 * edits or deletes (NOT_AUTHOR here already; the server decides for real). Every write is a
 * durable local change queued for the server.
 */
export class CommentService {
  private readonly ctx: FeatureContext;
  private readonly comments: AuthoredComments<Comment>;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
    this.comments = new AuthoredComments(ctx, {
      row: (id) => ctx.activity.comment(id),
      refusedId: (m) =>
        m.kind === 'comment.create' || m.kind === 'comment.edit' || m.kind === 'comment.delete'
          ? m.args.id
          : null,
    });
  }

  /** The item's comments in thread order. A refused creation stays listed, flagged, until dismissed. */
  list(agendaItemId: string): CommentThread {
    const user = this.ctx.user();
    if (!this.ctx.reader.agendaItem(agendaItemId)) throw notFound('agenda item');
    const rows = this.ctx.activity.commentsOfItem(agendaItemId);
    const comments = this.comments.thread(rows, user, (m, by) =>
      m.kind === 'comment.create' && m.args.agendaItemId === agendaItemId
        ? applyToComment(null, m, { ...by, meetingId: m.args.meetingId })
        : null,
    );
    return { agendaItemId, comments };
  }

  create(input: { agendaItemId: string; parentId: string | null; body: string }): CommentView {
    const user = this.ctx.user();
    const item = this.ctx.reader.agendaItem(input.agendaItemId);
    if (!item) throw notFound('agenda item');
    this.ctx.requireOpenMeeting(item.meetingId);
    if (input.parentId !== null) {
      const parent = this.ctx.activity.comment(input.parentId)?.view;
      if (!parent || parent.agendaItemId !== item.id) throw notFound('parent comment');
    }
    const id = randomUUID();
    const args = {
      id,
      meetingId: item.meetingId,
      agendaItemId: item.id,
      parentId: input.parentId,
      body: input.body,
    };
    this.ctx.write(user, { kind: 'comment.create', args }, item.meetingId);
    return this.comments.view(id, user);
  }

  edit(input: { id: string; body: string }): CommentView {
    return this.comments.change(
      input.id,
      (comment) => ({ kind: 'comment.edit', args: { id: comment.id, body: input.body } }),
      (comment) => this.ctx.requireOpenMeeting(comment.meetingId),
    );
  }

  delete(input: { id: string }): CommentView {
    return this.comments.change(
      input.id,
      (comment) => ({ kind: 'comment.delete', args: { id: comment.id } }),
      (comment) => this.ctx.requireOpenMeeting(comment.meetingId),
    );
  }
}
