import { randomUUID } from 'node:crypto';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { User } from '../../../shared/domain/user.ts';
import type { CommentThread, CommentView, Rejection } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { applyToComment } from '../../../shared/sync/optimistic.ts';
import { FeatureContext, notFound } from './FeatureContext.ts';

interface Entry {
  comment: Comment;
  pending: boolean;
  rejection: Rejection | null;
}

/**
 * Comments per agenda item (workflow 2). Comments belong to their author: only the author
 * edits or deletes (NOT_AUTHOR here already; the server decides for real). Every write is a
 * durable local change queued for the server.
 */
export class CommentService {
  private readonly ctx: FeatureContext;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
  }

  /** The item's comments in thread order. A refused creation stays listed, flagged, until dismissed. */
  list(agendaItemId: string): CommentThread {
    const user = this.ctx.user();
    if (!this.ctx.reader.agendaItem(agendaItemId)) throw notFound('agenda item');
    const rejections = this.rejections();
    const entries = new Map<string, Entry>();
    for (const row of this.ctx.activity.commentsOfItem(agendaItemId))
      entries.set(row.id, {
        comment: row.view,
        pending: row.pending,
        rejection: rejections.get(row.id)?.rejection ?? null,
      });
    // A refused creation: the row is gone (undone); show the device's copy with the reason.
    for (const [id, refused] of rejections) {
      const m = refused.mutation;
      if (entries.has(id) || m.kind !== 'comment.create' || m.args.agendaItemId !== agendaItemId)
        continue;
      const origin = {
        userId: user.id,
        clientTime: refused.rejection.clientTime,
        meetingId: m.args.meetingId,
      };
      const comment = applyToComment(null, m, origin);
      if (comment) entries.set(id, { comment, pending: false, rejection: refused.rejection });
    }
    return { agendaItemId, comments: this.thread(entries, user) };
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
    return this.view(id, user);
  }

  edit(input: { id: string; body: string }): CommentView {
    const user = this.ctx.user();
    const comment = this.ownComment(input.id, user);
    this.ctx.write(
      user,
      { kind: 'comment.edit', args: { id: comment.id, body: input.body } },
      comment.meetingId,
    );
    return this.view(comment.id, user);
  }

  delete(input: { id: string }): CommentView {
    const user = this.ctx.user();
    const comment = this.ownComment(input.id, user);
    this.ctx.write(user, { kind: 'comment.delete', args: { id: comment.id } }, comment.meetingId);
    return this.view(comment.id, user);
  }

  private ownComment(id: string, user: User): Comment {
    const comment = this.ctx.activity.comment(id)?.view;
    if (!comment || comment.deletedAt !== null) throw notFound('comment');
    this.ctx.requireOpenMeeting(comment.meetingId);
    if (comment.authorId !== user.id)
      throw new IpcError('NOT_AUTHOR', 'only the author may change a comment');
    return comment;
  }

  /** One comment's view; its depth counts the parents this device has. */
  private view(id: string, user: User): CommentView {
    const row = this.ctx.activity.comment(id);
    if (!row?.view) throw notFound('comment');
    let depth = 0;
    const seen = new Set([id]);
    for (let parent = row.view.parentId; parent !== null && !seen.has(parent); depth++) {
      seen.add(parent);
      parent = this.ctx.activity.comment(parent)?.view?.parentId ?? null;
    }
    const rejection = this.rejections().get(id)?.rejection ?? null;
    return this.toView(
      { comment: row.view, pending: row.pending, rejection },
      depth,
      user,
      new Map(),
    );
  }

  private rejections() {
    return FeatureContext.latestBy(this.ctx.rejected(), (m) =>
      m.kind === 'comment.create' || m.kind === 'comment.edit' || m.kind === 'comment.delete'
        ? m.args.id
        : null,
    );
  }

  /** Depth-first: each comment then its replies; siblings oldest first (then by id). Replies
   * whose parent is not on this device are shown at the top level. */
  private thread(entries: Map<string, Entry>, user: User): CommentView[] {
    const children = new Map<string | null, Entry[]>();
    for (const entry of entries.values()) {
      const parent =
        entry.comment.parentId !== null && entries.has(entry.comment.parentId)
          ? entry.comment.parentId
          : null;
      const list = children.get(parent) ?? [];
      list.push(entry);
      children.set(parent, list);
    }
    for (const list of children.values())
      list.sort(
        (a, b) =>
          Date.parse(a.comment.createdAt) - Date.parse(b.comment.createdAt) ||
          a.comment.id.localeCompare(b.comment.id),
      );
    const names = new Map<string, string | null>();
    const out: CommentView[] = [];
    const visited = new Set<string>();
    const visit = (entry: Entry, depth: number): void => {
      if (visited.has(entry.comment.id)) return;
      visited.add(entry.comment.id);
      out.push(this.toView(entry, depth, user, names));
      for (const child of children.get(entry.comment.id) ?? []) visit(child, depth + 1);
    };
    for (const root of children.get(null) ?? []) visit(root, 0);
    // Parent links that loop (never written by a correct server) would hide comments: list them.
    for (const entry of entries.values()) visit(entry, 0);
    return out;
  }

  private toView(
    entry: Entry,
    depth: number,
    user: User,
    names: Map<string, string | null>,
  ): CommentView {
    const authorId = entry.comment.authorId;
    if (!names.has(authorId))
      names.set(authorId, this.ctx.reader.user(authorId)?.displayName ?? null);
    return {
      comment: entry.comment,
      depth,
      authorName: names.get(authorId) ?? null,
      mine: authorId === user.id,
      pending: entry.pending,
      rejection: entry.rejection,
    };
  }
}
