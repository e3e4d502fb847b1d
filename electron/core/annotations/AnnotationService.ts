import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { anchorQuote } from '../../../shared/annotations/anchorQuote.ts';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type {
  AnnotationPlaceInput,
  annotationCreateInputSchema,
  annotationReanchorInputSchema,
  annotationUpdateInputSchema,
  AnnotationList,
  AnnotationPlacement,
  AnnotationReanchorResult,
  AnnotationView,
} from '../../../shared/domain/annotationViews.ts';
import type { User } from '../../../shared/domain/user.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { type FeatureContext, notFound } from '../features/FeatureContext.ts';
import { planPlacements, type PlacementCandidate } from './planPlacements.ts';

type CreateInput = z.output<typeof annotationCreateInputSchema>;
type UpdateInput = z.output<typeof annotationUpdateInputSchema>;
type ReanchorInput = z.output<typeof annotationReanchorInputSchema>;

/**
 * Annotations on papers (issue "Reader"). Every change is a durable local write queued for the
 * server (outbox), shown at once (optimistic) and kept on top of incoming syncs until the
 * server settles it. Only the author edits or deletes (NOT_AUTHOR here; the server decides for
 * real); others' shared annotations are listed read-only with their author's name.
 */
export class AnnotationService {
  private readonly ctx: FeatureContext;

  constructor(ctx: FeatureContext) {
    this.ctx = ctx;
  }

  /** Live annotations of the paper (any version) by page, then creation time, then id. */
  list(documentId: string): AnnotationList {
    const user = this.ctx.user();
    if (!this.ctx.reader.document(documentId)) throw notFound('document');
    const names = new Map<string, string | null>();
    const annotations = this.ctx.activity
      .annotationsOfDocument(documentId)
      .filter((row) => row.view.deletedAt === null)
      .map((row) => this.toView(row.view, row.pending, user, names))
      .sort(
        (a, b) =>
          a.annotation.pageIndex - b.annotation.pageIndex ||
          a.annotation.createdAt.localeCompare(b.annotation.createdAt) ||
          a.annotation.id.localeCompare(b.annotation.id),
      );
    return { documentId, annotations };
  }

  create(input: CreateInput): AnnotationView {
    const user = this.ctx.user();
    const document = this.ctx.reader.document(input.documentId);
    if (!document) throw notFound('document');
    const version = this.ctx.reader.version(document.id, input.version);
    if (!version) throw notFound('document version');
    const id = randomUUID();
    const args = { id, meetingId: document.meetingId, sha256: version.sha256, ...input };
    this.ctx.write(user, { kind: 'annotation.create', args }, document.meetingId);
    return this.view(id, user);
  }

  update(input: UpdateInput): AnnotationView {
    const user = this.ctx.user();
    const current = this.own(input.id, user);
    if (input.patch.shape !== undefined && input.patch.shape.kind !== current.shape.kind)
      throw new IpcError('INVALID_INPUT', 'an annotation keeps its kind');
    this.ctx.write(user, { kind: 'annotation.update', args: input }, current.meetingId);
    return this.view(current.id, user);
  }

  delete(input: { id: string }): { id: string } {
    const user = this.ctx.user();
    const current = this.own(input.id, user);
    this.ctx.write(
      user,
      { kind: 'annotation.delete', args: { id: current.id } },
      current.meetingId,
    );
    return { id: current.id };
  }

  /** Undoes my deletion of `id` (annotation.restore): it lives again with `body`. */
  restore(input: { id: string; body: string }): AnnotationView {
    const user = this.ctx.user();
    const current = this.own(input.id, user, true);
    if (current.deletedAt !== null)
      this.ctx.write(
        user,
        { kind: 'annotation.restore', args: { id: current.id, body: input.body } },
        current.meetingId,
      );
    return this.view(current.id, user);
  }

  /**
   * Places the paper's live highlights and underlines made on other versions onto `version`,
   * whose page texts the renderer extracted (buildPageText per page). Nothing is changed or
   * dropped: those that cannot be placed come back as `needs_attention` with their text.
   */
  reanchor(input: ReanchorInput): AnnotationReanchorResult {
    const { annotations } = this.list(input.documentId);
    const placements: AnnotationPlacement[] = [];
    for (const { annotation: a } of annotations) {
      if (a.version === input.version) continue;
      if (a.shape.kind !== 'highlight' && a.shape.kind !== 'underline') continue;
      const anchor = anchorQuote(input.pageTexts, a.shape.quote, { pageHint: a.pageIndex });
      placements.push(
        anchor.status === 'anchored'
          ? {
              annotationId: a.id,
              status: 'anchored',
              pageIndex: anchor.pageIndex,
              start: anchor.start,
              end: anchor.end,
              method: anchor.method,
            }
          : { annotationId: a.id, status: 'needs_attention', exact: a.shape.quote.exact },
      );
    }
    return { documentId: input.documentId, version: input.version, placements };
  }

  /**
   * Makes re-anchored placements durable: each of my text annotations made on an older version
   * is moved onto `version` through the outbox (`annotation.reanchor`), once (planPlacements.ts
   * says which). Returns the ids moved now.
   */
  place(input: AnnotationPlaceInput): { documentId: string; version: number; placed: string[] } {
    const user = this.ctx.user();
    const document = this.ctx.reader.document(input.documentId);
    if (!document) throw notFound('document');
    const version = this.ctx.reader.version(document.id, input.version);
    if (!version) throw notFound('document version');
    const candidates = new Map<string, PlacementCandidate>();
    for (const row of this.ctx.activity.annotationsOfDocument(document.id))
      candidates.set(row.id, { annotation: row.view, pending: row.pending });
    const moves = planPlacements(
      user.id,
      { version: version.version, sha256: version.sha256, pageCount: version.pageCount },
      candidates,
      input.placements,
    );
    for (const args of moves)
      this.ctx.write(user, { kind: 'annotation.reanchor', args }, document.meetingId);
    return { documentId: document.id, version: version.version, placed: moves.map((m) => m.id) };
  }

  /** My live annotations of the paper (what an export writes). */
  mine(documentId: string): AnnotationRecord[] {
    return this.list(documentId)
      .annotations.filter((v) => v.mine)
      .map((v) => v.annotation);
  }

  authorName(userId: string): string | null {
    return this.ctx.reader.user(userId)?.displayName ?? null;
  }

  /** My annotation `id` (NOT_AUTHOR for someone else's); a deleted one only if `orDeleted`. */
  private own(id: string, user: User, orDeleted = false): AnnotationRecord {
    const current = this.ctx.activity.annotation(id)?.view;
    if (!current || (current.deletedAt !== null && !orDeleted)) throw notFound('annotation');
    if (current.authorId !== user.id)
      throw new IpcError('NOT_AUTHOR', 'only the author may change an annotation');
    return current;
  }

  private view(id: string, user: User): AnnotationView {
    const row = this.ctx.activity.annotation(id);
    if (!row?.view) throw notFound('annotation');
    return this.toView(row.view, row.pending, user, new Map());
  }

  private toView(
    annotation: AnnotationRecord,
    pending: boolean,
    user: User,
    names: Map<string, string | null>,
  ): AnnotationView {
    const authorId = annotation.authorId;
    if (!names.has(authorId)) names.set(authorId, this.authorName(authorId));
    return {
      annotation,
      authorName: names.get(authorId) ?? null,
      mine: authorId === user.id,
      pending,
    };
  }
}
