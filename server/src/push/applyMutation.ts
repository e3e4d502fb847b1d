import { isMutationKind, mutationArgs } from '../../../shared/sync/mutations.ts';
import {
  createAnnotationComment,
  deleteAnnotationComment,
  editAnnotationComment,
} from './annotationCommentMutations.ts';
import {
  createAnnotation,
  deleteAnnotation,
  reanchorAnnotation,
  restoreAnnotation,
  updateAnnotation,
} from './annotationMutations.ts';
import { castBallot } from './ballotMutation.ts';
import { createComment, deleteComment, editComment } from './commentMutations.ts';
import { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';
import { submitOpinion } from './opinionMutation.ts';
import { parseArgs } from './parseArgs.ts';
import { setPosition } from './positionMutation.ts';

/**
 * Applies one pushed mutation's effect inside its savepoint, or throws MutationRejected.
 * A kind this server does not know is UNKNOWN_MUTATION (never ignored silently); args that do
 * not match the kind's schema (shared/sync/mutations.ts, append-only) are INVALID_ARGS.
 */
export async function applyMutation(s: MutationScope, kind: string, raw: unknown): Promise<void> {
  if (!isMutationKind(kind))
    throw new MutationRejected('UNKNOWN_MUTATION', 'this server does not know that kind of change');
  switch (kind) {
    case 'comment.create':
      return createComment(s, parseArgs(mutationArgs[kind], raw));
    case 'comment.edit':
      return editComment(s, parseArgs(mutationArgs[kind], raw));
    case 'comment.delete':
      return deleteComment(s, parseArgs(mutationArgs[kind], raw));
    case 'position.set':
      return setPosition(s, parseArgs(mutationArgs[kind], raw));
    case 'vote.cast':
      return castBallot(s, parseArgs(mutationArgs[kind], raw));
    case 'annotation.create':
      return createAnnotation(s, parseArgs(mutationArgs[kind], raw));
    case 'annotation.update':
      return updateAnnotation(s, parseArgs(mutationArgs[kind], raw));
    case 'annotation.delete':
      return deleteAnnotation(s, parseArgs(mutationArgs[kind], raw));
    case 'opinion.submit':
      return submitOpinion(s, parseArgs(mutationArgs[kind], raw));
    case 'annotationComment.create':
      return createAnnotationComment(s, parseArgs(mutationArgs[kind], raw));
    case 'annotationComment.edit':
      return editAnnotationComment(s, parseArgs(mutationArgs[kind], raw));
    case 'annotationComment.delete':
      return deleteAnnotationComment(s, parseArgs(mutationArgs[kind], raw));
    case 'annotation.reanchor':
      return reanchorAnnotation(s, parseArgs(mutationArgs[kind], raw));
    case 'annotation.restore':
      return restoreAnnotation(s, parseArgs(mutationArgs[kind], raw));
  }
}
