import type { MutationRejectCode } from '../../../shared/protocol/push.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * A pushed mutation the server refuses, with its typed code (shared/protocol/push.ts). Thrown
 * inside the mutation's savepoint, so none of its writes survive; the push then records the
 * refusal (audit row, last_mutation_id advanced) and acks `rejected{code}`. Any other error is
 * a server fault: the whole transaction rolls back and the batch answers INTERNAL.
 */
export type KeepRefusal = (tx: Database) => Promise<PendingChange[]>;

export class MutationRejected extends Error {
  readonly code: MutationRejectCode;

  /**
   * Written after the savepoint is rolled back, in the push's transaction: evidence of the
   * refusal that must be kept (a rejected signed opinion), and the change-log entries for it.
   */
  readonly keep: KeepRefusal | undefined;

  constructor(code: MutationRejectCode, message: string, keep?: KeepRefusal) {
    super(message);
    this.name = 'MutationRejected';
    this.code = code;
    this.keep = keep;
  }
}

export function isMutationRejected(error: unknown): error is MutationRejected {
  return error instanceof MutationRejected;
}
