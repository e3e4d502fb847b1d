import type { LocalMutation } from '../../../shared/sync/optimistic.ts';
import { intOf, textOf } from '../store/rowValues.ts';
import { targetOf } from './localMutation.ts';
import { outboxStatements } from './outboxStatements.ts';
import { argsContext, refreshOverlay, type RowState, type StoreContext } from './overlay.ts';
import { targetKey, type Target, type WriteTable } from './writeTables.ts';

export interface LocalWrite {
  mutation: LocalMutation;
  /** The replica's owner, who makes the change. */
  userId: string;
  /** The meeting the change belongs to (for a ballot: the vote's meeting). */
  meetingId: string;
  /** Device clock, epoch ms. */
  clientTime: number;
}

export interface RecordedWrite {
  mutationId: number;
  target: Target;
  /** The row as it now shows (null only for a change to something the device does not have). */
  row: RowState<WriteTable> | null;
}

/**
 * The body of a durable local write; the caller holds the transaction (BEGIN IMMEDIATE), so the
 * id allocation, the outbox row and the optimistic replica row commit together or not at all:
 * 1. the outbox client row is created on the first write (a fresh client id, `newClientId`);
 * 2. the next mutation id is allocated from `last_mutation_id` (contiguous: an id is used only
 *    by a transaction that commits, and a rolled-back one leaves the counter where it was);
 * 3. the mutation is stored with its args sealed, state `pending`;
 * 4. the target row's optimistic record is recomputed (overlay.ts) and marked pending.
 * Every statement here touches a bounded number of rows through a primary key or index, so
 * the cost does not grow with the size of the replica or of the outbox.
 */
export function recordMutation(
  ctx: StoreContext,
  write: LocalWrite,
  newClientId: () => string,
): RecordedWrite {
  const s = outboxStatements(ctx.db);
  const client = s.client.get();
  if (!client) s.insertClient.run(newClientId(), write.userId);
  else if (textOf(client, 'user_id') !== write.userId)
    throw new Error('the outbox belongs to another user; the replica should have been wiped');
  const allocated = s.allocate.get();
  if (!allocated) throw new Error('outbox client row missing');
  const mutationId = intOf(allocated, 'last_mutation_id');
  const target = targetOf(write.mutation, write.userId);
  s.insert.run(
    mutationId,
    write.mutation.kind,
    ctx.cipher.seal(JSON.stringify(write.mutation.args), argsContext(mutationId)),
    write.clientTime,
    targetKey(target),
    write.meetingId,
  );
  const row = refreshOverlay(ctx, target);
  return { mutationId, target, row };
}
