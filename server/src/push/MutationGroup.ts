import type { MutationKind } from '../../../shared/sync/mutations.ts';
import type { MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';

/** One mutation of a group: its raw args and the scope its entries and audit rows go to. */
export interface GroupMember {
  readonly mutationId: number;
  /** As pushed: not parsed yet. */
  readonly args: unknown;
  /** `tx`, `now`, `principal`, `config` and `cache` of the push transaction; `change` and
   * `audit` collect this member's own entries (kept only when it is applied). */
  readonly scope: MutationScope;
}

/** 'applied', or the refusal of that member. */
export type GroupOutcome = 'applied' | MutationRejected;

/**
 * Applies a run of CONSECUTIVE pushed mutations of one kind together (e.g. 500 queued
 * comment.create), with few statements instead of several per mutation — without a savepoint
 * per member. Contract (what makes that safe, checked by the push tests):
 * - every check of every member is made BEFORE the group writes anything, reading the database
 *   plus the effects of the group's earlier members (in order), so a refused member never has an
 *   effect and the others see exactly what one-by-one application would have shown them;
 * - the outcomes are those one-by-one application through `applyMutation` would give, in order
 *   (one per member), with the same change-log entries and audit rows;
 * - anything other than a refusal (a database error) throws: the whole transaction rolls back
 *   and the push answers INTERNAL, as for any mutation.
 * Kinds without a group applier are applied one by one (applyMutation.ts), each in a savepoint.
 */
export type GroupApplier = (
  s: MutationScope,
  members: readonly GroupMember[],
) => Promise<GroupOutcome[]>;

export type GroupAppliers = Partial<Record<MutationKind, GroupApplier>>;
