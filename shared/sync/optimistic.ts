import type { AnnotationRecord } from '../domain/annotation.ts';
import type { AnnotationComment } from '../domain/annotationComment.ts';
import type { Comment } from '../domain/comment.ts';
import type { Position } from '../domain/position.ts';
import type { Ballot } from '../domain/vote.ts';
import type { MutationArgs, MutationKind } from './mutations.ts';

/**
 * What a device shows for a record while its own changes wait for the server: the server's
 * record with the queued mutations applied in order (architecture.md "Conflicts"). These are
 * the same rules the server applies, minus what only the server can know (eligibility,
 * deadlines by trusted time); when the server refuses a change the device drops it and shows
 * the server's record again. Pure and deterministic.
 */

/** Who made a local change and when. `clientTime` is the device clock, epoch ms: shown only
 * until the server's own record (with server times) replaces it. */
export interface LocalOrigin {
  userId: string;
  clientTime: number;
  /** The meeting the change belongs to (a ballot's args do not carry it). */
  meetingId: string;
}

export type LocalMutation = {
  [K in MutationKind]: { kind: K; args: MutationArgs<K> };
}[MutationKind];
export type CommentMutation = Extract<LocalMutation, { kind: `comment.${string}` }>;
export type AnnotationMutation = Extract<LocalMutation, { kind: `annotation.${string}` }>;
export type AnnotationCommentMutation = Extract<
  LocalMutation,
  { kind: `annotationComment.${string}` }
>;

/** `${agendaItemId}:${userId}`: one position per member and item (shared/domain/position.ts). */
export function positionId(agendaItemId: string, userId: string): string {
  return `${agendaItemId}:${userId}`;
}

/** `${voteId}:${userId}`: one counted ballot per member and vote (shared/domain/vote.ts). */
export function ballotId(voteId: string, userId: string): string {
  return `${voteId}:${userId}`;
}

function instant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** What the author-owned rules of comments (on items and on annotations) need of a record. */
interface Authored {
  authorId: string;
  body: string;
  /** ISO instant, or null. */
  editedAt: string | null;
  /** ISO instant, or null. */
  deletedAt: string | null;
}

/** The authored fields of a comment the device has just created (its place set by the caller). */
function createdByAuthor(body: string, origin: LocalOrigin) {
  return {
    authorId: origin.userId,
    body,
    createdAt: instant(origin.clientTime),
    editedAt: null,
    deletedAt: null,
  };
}

/** The author's edit of a live comment; anything else (missing, deleted, not theirs) is kept. */
function editByAuthor<T extends Authored>(
  current: T | null,
  body: string,
  origin: LocalOrigin,
): T | null {
  if (!current || current.deletedAt !== null || current.authorId !== origin.userId) return current;
  return { ...current, body, editedAt: instant(origin.clientTime) };
}

/** The author's delete: the comment keeps its place with an empty body; a repeat changes nothing. */
function deleteByAuthor<T extends Authored>(current: T | null, origin: LocalOrigin): T | null {
  if (!current || current.authorId !== origin.userId || current.deletedAt !== null) return current;
  return { ...current, body: '', deletedAt: instant(origin.clientTime) };
}

/**
 * Comments belong to their author: only the author edits or deletes, and the author's last
 * change wins. A creation never replaces a comment that exists (a replay); an edit or delete of
 * a comment that does not exist, or someone else's, changes nothing (the server refuses it). A
 * delete keeps the comment's place in its thread with an empty body.
 */
export function applyToComment(
  current: Comment | null,
  mutation: CommentMutation,
  origin: LocalOrigin,
): Comment | null {
  switch (mutation.kind) {
    case 'comment.create': {
      if (current) return current;
      const a = mutation.args;
      return {
        id: a.id,
        meetingId: a.meetingId,
        agendaItemId: a.agendaItemId,
        parentId: a.parentId,
        ...createdByAuthor(a.body, origin),
      };
    }
    case 'comment.edit':
      return editByAuthor(current, mutation.args.body, origin);
    case 'comment.delete':
      return deleteByAuthor(current, origin);
  }
}

/** A member's position on an item: the latest one set replaces the previous one. */
export function applyToPosition(
  _current: Position | null,
  args: MutationArgs<'position.set'>,
  origin: LocalOrigin,
): Position {
  return {
    id: positionId(args.agendaItemId, origin.userId),
    meetingId: args.meetingId,
    agendaItemId: args.agendaItemId,
    userId: origin.userId,
    stance: args.stance,
    note: args.note,
    updatedAt: instant(origin.clientTime),
  };
}

/** A member's ballot: the latest choice before the close counts (the server decides the close). */
export function applyToBallot(
  _current: Ballot | null,
  args: MutationArgs<'vote.cast'>,
  origin: LocalOrigin,
): Ballot {
  return {
    id: ballotId(args.voteId, origin.userId),
    voteId: args.voteId,
    meetingId: origin.meetingId,
    userId: origin.userId,
    choice: args.choice,
    castAt: instant(origin.clientTime),
  };
}

/**
 * Annotations belong to their author (architecture.md "Conflicts"): only the author edits or
 * deletes, the author's last change wins. A creation never replaces an annotation that exists
 * (a replay); an update whose shape changes the kind changes nothing (the server refuses it);
 * a delete leaves a tombstone (empty body, deletedAt) that the views skip.
 */
export function applyToAnnotation(
  current: AnnotationRecord | null,
  mutation: AnnotationMutation,
  origin: LocalOrigin,
): AnnotationRecord | null {
  switch (mutation.kind) {
    case 'annotation.create': {
      if (current) return current;
      const at = instant(origin.clientTime);
      return {
        ...mutation.args,
        authorId: origin.userId,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
    }
    case 'annotation.update': {
      if (!current || current.authorId !== origin.userId || current.deletedAt !== null)
        return current;
      const p = mutation.args.patch;
      if (p.shape !== undefined && p.shape.kind !== current.shape.kind) return current;
      return {
        ...current,
        color: p.color ?? current.color,
        visibility: p.visibility ?? current.visibility,
        body: p.body ?? current.body,
        shape: p.shape ?? current.shape,
        updatedAt: instant(origin.clientTime),
      };
    }
    case 'annotation.delete':
      if (!current || current.authorId !== origin.userId || current.deletedAt !== null)
        return current;
      return { ...current, body: '', deletedAt: instant(origin.clientTime) };
    case 'annotation.restore':
      if (!current || current.authorId !== origin.userId || current.deletedAt === null)
        return current;
      return {
        ...current,
        body: mutation.args.body,
        deletedAt: null,
        updatedAt: instant(origin.clientTime),
      };
    case 'annotation.reanchor': {
      // Once: only onto a newer version, keeping the kind, body, colour and visibility.
      const a = mutation.args;
      if (!current || current.authorId !== origin.userId || current.deletedAt !== null)
        return current;
      if (a.version <= current.version || a.shape.kind !== current.shape.kind) return current;
      return {
        ...current,
        version: a.version,
        sha256: a.sha256,
        pageIndex: a.pageIndex,
        shape: a.shape,
        updatedAt: instant(origin.clientTime),
      };
    }
  }
}

/**
 * Comments on annotations follow the rules of comments on items: only the author edits or
 * deletes, the author's last change wins, a creation never replaces an existing comment (a
 * replay), a delete keeps the comment's place with an empty body.
 */
export function applyToAnnotationComment(
  current: AnnotationComment | null,
  mutation: AnnotationCommentMutation,
  origin: LocalOrigin,
): AnnotationComment | null {
  switch (mutation.kind) {
    case 'annotationComment.create': {
      if (current) return current;
      const a = mutation.args;
      return {
        id: a.id,
        meetingId: origin.meetingId,
        annotationId: a.annotationId,
        parentId: a.parentId,
        ...createdByAuthor(a.body, origin),
      };
    }
    case 'annotationComment.edit':
      return editByAuthor(current, mutation.args.body, origin);
    case 'annotationComment.delete':
      return deleteByAuthor(current, origin);
  }
}
