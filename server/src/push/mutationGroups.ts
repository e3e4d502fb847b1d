import { createComments } from './commentMutations.ts';
import type { GroupAppliers } from './MutationGroup.ts';

/**
 * The kinds whose consecutive runs in a push are applied together (MutationGroup.ts has the
 * contract). Every other kind goes one by one through applyMutation.ts. A group applier is an
 * optimisation only: it must give exactly the outcomes, rows, change-log entries and audit rows
 * of its kind's one-by-one effect.
 */
export const MUTATION_GROUPS: GroupAppliers = {
  'comment.create': createComments,
};
