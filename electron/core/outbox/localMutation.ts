import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { OpinionView } from '../../../shared/domain/opinionBallot.ts';
import type { Ballot } from '../../../shared/domain/vote.ts';
import { applyToOpinion } from '../../../shared/sync/optimisticOpinion.ts';
import { isMutationKind, mutationArgs } from '../../../shared/sync/mutations.ts';
import {
  applyToAnnotation,
  applyToAnnotationComment,
  applyToBallot,
  applyToComment,
  applyToPosition,
  ballotId,
  positionId,
  type LocalMutation,
  type LocalOrigin,
} from '../../../shared/sync/optimistic.ts';
import type { Target, WriteRecords, WriteTable } from './writeTables.ts';

/** A mutation as the outbox holds it, with what folding it needs. */
export interface QueuedMutation {
  mutationId: number;
  mutation: LocalMutation;
  /** Device clock when it was made, epoch ms. */
  clientTime: number;
  meetingId: string;
}

/** Parses a kind and its args (from a caller or from disk); null when either is not valid. */
export function parseMutation(kind: string, args: unknown): LocalMutation | null {
  if (!isMutationKind(kind)) return null;
  const parsed = mutationArgs[kind].safeParse(args);
  // The schema of `kind` parsed the args, so the pair is a LocalMutation of that kind.
  return parsed.success ? ({ kind, args: parsed.data } as LocalMutation) : null;
}

/** The replica row a mutation by `userId` changes. */
export function targetOf(mutation: LocalMutation, userId: string): Target {
  switch (mutation.kind) {
    case 'comment.create':
    case 'comment.edit':
    case 'comment.delete':
      return { table: 'comments', id: mutation.args.id };
    case 'position.set':
      return { table: 'positions', id: positionId(mutation.args.agendaItemId, userId) };
    case 'vote.cast':
      return { table: 'ballots', id: ballotId(mutation.args.voteId, userId) };
    case 'annotation.create':
    case 'annotation.update':
    case 'annotation.delete':
    case 'annotation.reanchor':
    case 'annotation.restore':
      return { table: 'annotations', id: mutation.args.id };
    case 'annotationComment.create':
    case 'annotationComment.edit':
    case 'annotationComment.delete':
      return { table: 'annotation_comments', id: mutation.args.id };
    case 'opinion.submit':
      return { table: 'opinions', id: mutation.args.opinionId };
  }
}

/**
 * The record `table` shows: the server's record with `queued` applied in order (they all target
 * one row of `table`, as `targetOf` assigned them). Null when nothing exists (e.g. only an edit
 * of a comment the device never had).
 */
export function fold<T extends WriteTable>(
  table: T,
  server: WriteRecords[T] | null,
  queued: readonly QueuedMutation[],
  userId: string,
): WriteRecords[T] | null {
  let current: WriteRecord | null = server;
  for (const q of queued) {
    const origin: LocalOrigin = { userId, clientTime: q.clientTime, meetingId: q.meetingId };
    current = step(table, current, q.mutation, origin);
  }
  // Each step returns the record type of `table` (comments → Comment, and so on).
  return current as WriteRecords[T] | null;
}

type WriteRecord = WriteRecords[WriteTable];

function step(
  table: WriteTable,
  current: WriteRecord | null,
  m: LocalMutation,
  origin: LocalOrigin,
): WriteRecord | null {
  switch (m.kind) {
    case 'comment.create':
    case 'comment.edit':
    case 'comment.delete':
      return table === 'comments' ? applyToComment(current as Comment | null, m, origin) : current;
    case 'position.set':
      return table === 'positions'
        ? applyToPosition(current as Position | null, m.args, origin)
        : current;
    case 'vote.cast':
      return table === 'ballots'
        ? applyToBallot(current as Ballot | null, m.args, origin)
        : current;
    case 'annotation.create':
    case 'annotation.update':
    case 'annotation.delete':
    case 'annotation.reanchor':
    case 'annotation.restore':
      return table === 'annotations'
        ? applyToAnnotation(current as AnnotationRecord | null, m, origin)
        : current;
    case 'annotationComment.create':
    case 'annotationComment.edit':
    case 'annotationComment.delete':
      return table === 'annotation_comments'
        ? applyToAnnotationComment(current as AnnotationComment | null, m, origin)
        : current;
    case 'opinion.submit':
      return table === 'opinions'
        ? applyToOpinion(current as OpinionView | null, m.args, origin)
        : current;
  }
}
