import { randomUUID } from 'node:crypto';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type {
  AnnotationComment,
  AnnotationCommentThread,
  AnnotationCommentView,
} from '../../../shared/domain/annotationComment.ts';
import { applyToAnnotationComment } from '../../../shared/sync/optimistic.ts';
import { AuthoredComments } from '../features/AuthoredComments.ts';
import { type FeatureContext, notFound } from '../features/FeatureContext.ts';

/**
 * Comments on annotations, with threaded replies (issue "Reader"). The device lists the
 * comments it received for an annotation it has (the server sends exactly those of annotations
 * the member can see, and withdraws them when the annotation is hidden or deleted). Every write
 * is a durable local change queued for the server (outbox), shown at once as pending; only the
 * author edits or deletes (NOT_AUTHOR here; the server decides for real).
 */
export class AnnotationCommentService {
  private readonly ctx: FeatureContext;
  private readonly comments: AuthoredComments<AnnotationComment>;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
    this.comments = new AuthoredComments(ctx, {
      row: (id) => ctx.activity.annotationComment(id),
      refusedId: (m) =>
        m.kind === 'annotationComment.create' ||
        m.kind === 'annotationComment.edit' ||
        m.kind === 'annotationComment.delete'
          ? m.args.id
          : null,
    });
  }

  /** The annotation's comments in thread order; a refused creation stays listed, flagged. */
  list(annotationId: string): AnnotationCommentThread {
    const user = this.ctx.user();
    const annotation = this.liveAnnotation(annotationId);
    const rows = this.ctx.activity.commentsOfAnnotation(annotation.id);
    const comments = this.comments.thread(rows, user, (m, by) =>
      m.kind === 'annotationComment.create' && m.args.annotationId === annotation.id
        ? applyToAnnotationComment(null, m, { ...by, meetingId: annotation.meetingId })
        : null,
    );
    return { annotationId: annotation.id, comments };
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
    return this.comments.view(id, user);
  }

  edit(input: { id: string; body: string }): AnnotationCommentView {
    return this.comments.change(input.id, (comment) => ({
      kind: 'annotationComment.edit',
      args: { id: comment.id, body: input.body },
    }));
  }

  delete(input: { id: string }): AnnotationCommentView {
    return this.comments.change(input.id, (comment) => ({
      kind: 'annotationComment.delete',
      args: { id: comment.id },
    }));
  }

  private liveAnnotation(id: string): AnnotationRecord {
    const annotation = this.ctx.activity.annotation(id)?.view;
    if (!annotation || annotation.deletedAt !== null) throw notFound('annotation');
    return annotation;
  }
}
