import { randomUUID } from 'node:crypto';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type {
  AnnotationComment,
  AnnotationCommentThread,
  AnnotationCommentView,
} from '../../../shared/domain/annotationComment.ts';
import type { User } from '../../../shared/domain/user.ts';
import type { Rejection } from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { applyToAnnotationComment } from '../../../shared/sync/optimistic.ts';
import { FeatureContext, notFound } from '../features/FeatureContext.ts';
import { threadOrder } from './threadOrder.ts';

interface Entry {
  comment: AnnotationComment;
  pending: boolean;
  rejection: Rejection | null;
}

/**
 * Comments on annotations, with threaded replies (issue "Reader"). The device lists the
 * comments it received for an annotation it has (the server sends exactly those of annotations
 * the member can see, and withdraws them when the annotation is hidden or deleted). Every write
 * is a durable local change queued for the server (outbox), shown at once as pending; only the
 * author edits or deletes (NOT_AUTHOR here; the server decides for real).
 */
export class AnnotationCommentService {
  private readonly ctx: FeatureContext;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
  }

  /** The annotation's comments in thread order; a refused creation stays listed, flagged. */
  list(annotationId: string): AnnotationCommentThread {
    const user = this.ctx.user();
    const annotation = this.liveAnnotation(annotationId);
    const rejections = this.rejections();
    const entries = new Map<string, Entry>();
    for (const row of this.ctx.activity.commentsOfAnnotation(annotation.id))
      entries.set(row.id, {
        comment: row.view,
        pending: row.pending,
        rejection: rejections.get(row.id)?.rejection ?? null,
      });
    // A refused creation: its row is gone (undone); show the device's copy with the reason.
    for (const [id, refused] of rejections) {
      const m = refused.mutation;
      if (entries.has(id) || m.kind !== 'annotationComment.create') continue;
      if (m.args.annotationId !== annotation.id) continue;
      const origin = {
        userId: user.id,
        clientTime: refused.rejection.clientTime,
        meetingId: annotation.meetingId,
      };
      const comment = applyToAnnotationComment(null, m, origin);
      if (comment) entries.set(id, { comment, pending: false, rejection: refused.rejection });
    }
    const names = new Map<string, string | null>();
    const ordered = threadOrder([...entries.values()].map((e) => ({ ...e.comment, entry: e })));
    return {
      annotationId: annotation.id,
      comments: ordered.map(({ item, depth }) => this.toView(item.entry, depth, user, names)),
    };
  }

  create(input: {
    annotationId: string;
    parentId: string | null;
    body: string;
  }): AnnotationCommentView {
    const user = this.ctx.user();
    const annotation = this.liveAnnotation(input.annotationId);
    if (input.parentId !== null) {
      const parent = this.ctx.activity.annotationComment(input.parentId)?.view;
      if (!parent || parent.annotationId !== annotation.id) throw notFound('parent comment');
    }
    const id = randomUUID();
    const args = { id, annotationId: annotation.id, parentId: input.parentId, body: input.body };
    this.ctx.write(user, { kind: 'annotationComment.create', args }, annotation.meetingId);
    return this.view(id, user);
  }

  edit(input: { id: string; body: string }): AnnotationCommentView {
    const user = this.ctx.user();
    const comment = this.own(input.id, user);
    this.ctx.write(
      user,
      { kind: 'annotationComment.edit', args: { id: comment.id, body: input.body } },
      comment.meetingId,
    );
    return this.view(comment.id, user);
  }

  delete(input: { id: string }): AnnotationCommentView {
    const user = this.ctx.user();
    const comment = this.own(input.id, user);
    this.ctx.write(
      user,
      { kind: 'annotationComment.delete', args: { id: comment.id } },
      comment.meetingId,
    );
    return this.view(comment.id, user);
  }

  private liveAnnotation(id: string): AnnotationRecord {
    const annotation = this.ctx.activity.annotation(id)?.view;
    if (!annotation || annotation.deletedAt !== null) throw notFound('annotation');
    return annotation;
  }

  private own(id: string, user: User): AnnotationComment {
    const comment = this.ctx.activity.annotationComment(id)?.view;
    if (!comment || comment.deletedAt !== null) throw notFound('comment');
    if (comment.authorId !== user.id)
      throw new IpcError('NOT_AUTHOR', 'only the author may change a comment');
    return comment;
  }

  /** One comment's view; its depth counts the parents this device has. */
  private view(id: string, user: User): AnnotationCommentView {
    const row = this.ctx.activity.annotationComment(id);
    if (!row?.view) throw notFound('comment');
    let depth = 0;
    const seen = new Set([id]);
    for (let parent = row.view.parentId; parent !== null && !seen.has(parent); depth++) {
      seen.add(parent);
      parent = this.ctx.activity.annotationComment(parent)?.view?.parentId ?? null;
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
      m.kind === 'annotationComment.create' ||
      m.kind === 'annotationComment.edit' ||
      m.kind === 'annotationComment.delete'
        ? m.args.id
        : null,
    );
  }

  private toView(
    entry: Entry,
    depth: number,
    user: User,
    names: Map<string, string | null>,
  ): AnnotationCommentView {
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
