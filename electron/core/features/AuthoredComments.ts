import type { User } from '../../../shared/domain/user.ts';
import type { Rejection } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import type { LocalMutation } from '../../../shared/sync/optimistic.ts';
import { threadOrder, type Threaded } from '../annotations/threadOrder.ts';
import type { ActivityRow } from './ActivityReader.ts';
import { FeatureContext, notFound } from './FeatureContext.ts';

/** What the shared comment logic needs of a comment (on an agenda item or on an annotation). */
export interface AuthoredComment extends Threaded {
  meetingId: string;
  authorId: string;
  /** ISO instant, or null while the comment is live. */
  deletedAt: string | null;
}

/** One comment as the device shows it (CommentView, AnnotationCommentView). */
export interface AuthoredCommentView<C> {
  comment: C;
  /** 0 at the top of the thread, parent's depth + 1 for a reply. */
  depth: number;
  /** null when the author is not in this device's directory. */
  authorName: string | null;
  mine: boolean;
  pending: boolean;
  rejection: Rejection | null;
}

interface Entry<C> {
  comment: C;
  pending: boolean;
  rejection: Rejection | null;
}

/** How one kind of comment is read and refused (see CommentService, AnnotationCommentService). */
export interface AuthoredCommentKind<C> {
  /** The comment's row as the device shows it, or null. */
  row: (id: string) => { view: C | null; pending: boolean } | null;
  /** The comment id a refused change of this kind is about, else null. */
  refusedId: (m: LocalMutation) => string | null;
}

/**
 * The logic comments on agenda items and on annotations share: comments belong to their author
 * (only the author edits or deletes: NOT_AUTHOR here already; the server decides for real),
 * threads are listed depth first, and a refused creation stays listed from the device's copy,
 * flagged, until dismissed.
 */
export class AuthoredComments<C extends AuthoredComment> {
  private readonly ctx: FeatureContext;
  private readonly kind: AuthoredCommentKind<C>;

  constructor(ctx: FeatureContext, kind: AuthoredCommentKind<C>) {
    this.ctx = ctx;
    this.kind = kind;
  }

  /**
   * `rows` in thread order, with refused creations added back: `refusedCopy` returns the
   * device's copy of a refused change when it creates a comment of this thread, else null.
   */
  thread(
    rows: readonly ActivityRow<C>[],
    user: User,
    refusedCopy: (m: LocalMutation, by: { userId: string; clientTime: number }) => C | null,
  ): AuthoredCommentView<C>[] {
    const rejections = this.rejections();
    const entries = new Map<string, Entry<C>>();
    for (const row of rows)
      entries.set(row.id, {
        comment: row.view,
        pending: row.pending,
        rejection: rejections.get(row.id)?.rejection ?? null,
      });
    // A refused creation: its row is gone (undone); show the device's copy with the reason.
    for (const [id, refused] of rejections) {
      if (entries.has(id)) continue;
      const by = { userId: user.id, clientTime: refused.rejection.clientTime };
      const comment = refusedCopy(refused.mutation, by);
      if (comment) entries.set(id, { comment, pending: false, rejection: refused.rejection });
    }
    const names = new Map<string, string | null>();
    const ordered = threadOrder([...entries.values()].map((e) => ({ ...e.comment, entry: e })));
    return ordered.map(({ item, depth }) => this.toView(item.entry, depth, user, names));
  }

  /**
   * Writes the author's change to their live comment and returns its view. `check` runs after
   * the comment is found and before the author is checked (its error comes first).
   */
  change(
    id: string,
    mutation: (comment: C) => LocalMutation,
    check?: (comment: C) => void,
  ): AuthoredCommentView<C> {
    const user = this.ctx.user();
    const comment = this.kind.row(id)?.view;
    if (!comment || comment.deletedAt !== null) throw notFound('comment');
    check?.(comment);
    if (comment.authorId !== user.id)
      throw new IpcError('NOT_AUTHOR', 'only the author may change a comment');
    this.ctx.write(user, mutation(comment), comment.meetingId);
    return this.view(comment.id, user);
  }

  /** One comment's view; its depth counts the parents this device has. */
  view(id: string, user: User): AuthoredCommentView<C> {
    const row = this.kind.row(id);
    if (!row?.view) throw notFound('comment');
    let depth = 0;
    const seen = new Set([id]);
    for (let parent = row.view.parentId; parent !== null && !seen.has(parent); depth++) {
      seen.add(parent);
      parent = this.kind.row(parent)?.view?.parentId ?? null;
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
    return FeatureContext.latestBy(this.ctx.rejected(), this.kind.refusedId);
  }

  private toView(
    entry: Entry<C>,
    depth: number,
    user: User,
    names: Map<string, string | null>,
  ): AuthoredCommentView<C> {
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
