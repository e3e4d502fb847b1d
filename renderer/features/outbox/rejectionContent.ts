import { STANCES, type Stance } from '../../../shared/domain/position.ts';
import { VOTE_CHOICES, type VoteChoice } from '../../../shared/domain/vote.ts';
import { MUTATION_REJECT_CODES, type MutationRejectCode } from '../../../shared/protocol/push.ts';
import { isMutationKind, type MutationKind } from '../../../shared/sync/mutations.ts';

/**
 * What a refused change said, read back from its `summary` (plain data, not prose: the core
 * writes a comment's body excerpt, a position's `stance` or `stance: note`, a vote's choice,
 * and nothing for a deletion). The UI words it in the user's language.
 */
export type RejectionContent =
  | { kind: 'text'; text: string }
  | { kind: 'stance'; stance: Stance; note: string }
  | { kind: 'choice'; choice: VoteChoice }
  | { kind: 'none' };

const stances: readonly string[] = STANCES;
const choices: readonly string[] = VOTE_CHOICES;
const rejectCodes: readonly string[] = MUTATION_REJECT_CODES;

function isStance(value: string): value is Stance {
  return stances.includes(value);
}

function isChoice(value: string): value is VoteChoice {
  return choices.includes(value);
}

/** True for the codes the push protocol defines (shared/protocol/push.ts). */
export function isRejectCode(code: string): code is MutationRejectCode {
  return rejectCodes.includes(code);
}

/** i18n key segment per mutation kind (i18next reads dots in keys as nesting). */
export const KIND_KEYS = {
  'comment.create': 'commentCreate',
  'comment.edit': 'commentEdit',
  'comment.delete': 'commentDelete',
  'position.set': 'positionSet',
  'vote.cast': 'voteCast',
  'annotation.create': 'annotationCreate',
  'annotation.update': 'annotationUpdate',
  'annotation.delete': 'annotationDelete',
  'opinion.submit': 'opinionSubmit',
  'annotationComment.create': 'annotationCommentCreate',
  'annotationComment.edit': 'annotationCommentEdit',
  'annotationComment.delete': 'annotationCommentDelete',
  'annotation.reanchor': 'annotationReanchor',
  'annotation.restore': 'annotationRestore',
} as const satisfies Record<MutationKind, string>;

/** The key segment for `kind`, `other` for a kind this app does not know. */
export function kindKey(kind: string): (typeof KIND_KEYS)[MutationKind] | 'other' {
  return isMutationKind(kind) ? KIND_KEYS[kind] : 'other';
}

/** Reads a summary back by its mutation kind; anything unexpected is shown as plain text. */
export function rejectionContent(kind: string, summary: string): RejectionContent {
  if (kind === 'position.set') {
    const split = summary.indexOf(': ');
    const stance = split === -1 ? summary : summary.slice(0, split);
    if (isStance(stance))
      return { kind: 'stance', stance, note: split === -1 ? '' : summary.slice(split + 2) };
  }
  if (kind === 'vote.cast' && isChoice(summary)) return { kind: 'choice', choice: summary };
  return summary === '' ? { kind: 'none' } : { kind: 'text', text: summary };
}
