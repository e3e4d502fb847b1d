import type { LocalMutation } from '../../../shared/sync/optimistic.ts';

/** Longest excerpt of a comment body in a summary, in characters. */
const EXCERPT_CHARS = 200;

/**
 * What a change said, in plain data for the sync panel (not prose: the UI words it in the
 * user's language from `kind`): a comment's body excerpt, a position's `stance: note`, a
 * vote's choice. A deletion has no content of its own: the empty string.
 */
export function summarize(mutation: LocalMutation): string {
  switch (mutation.kind) {
    case 'comment.create':
    case 'comment.edit':
      return excerpt(mutation.args.body);
    case 'comment.delete':
      return '';
    case 'position.set':
      return mutation.args.note === ''
        ? mutation.args.stance
        : `${mutation.args.stance}: ${mutation.args.note}`;
    case 'vote.cast':
      return mutation.args.choice;
    case 'annotation.create':
      return excerpt(mutation.args.body);
    case 'annotation.update':
      return excerpt(mutation.args.patch.body ?? '');
    case 'annotation.delete':
      return '';
    case 'opinion.submit':
      return '';
    case 'annotationComment.create':
    case 'annotationComment.edit':
      return excerpt(mutation.args.body);
    case 'annotationComment.delete':
    case 'annotation.reanchor':
      return '';
    case 'annotation.restore':
      return excerpt(mutation.args.body);
  }
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= EXCERPT_CHARS ? text : `${chars.slice(0, EXCERPT_CHARS).join('')}…`;
}
