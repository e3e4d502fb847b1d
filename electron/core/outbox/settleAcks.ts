import type { MutationAck } from '../../../shared/protocol/push.ts';
import { intOf, textOf } from '../store/rowValues.ts';
import { outboxStatements } from './outboxStatements.ts';
import { refreshAfterEcho, refreshOverlay, refreshPending, type StoreContext } from './overlay.ts';
import { parseTargetKey, type WriteTable } from './writeTables.ts';

export interface SettleResult {
  applied: number;
  rejected: number;
  /** Write tables whose rows changed what they show. */
  touched: Set<WriteTable>;
  /** Set when an ack broke the protocol (out of order, for an id we never sent): the acks
   * after it were not applied. */
  violation: string | null;
}

/**
 * Applies the acks of one push answer in ONE transaction (the caller's), in order. The server
 * answers mutations strictly in id order, so every ack must be for `acked_through + 1`:
 * - applied / duplicate → state `applied`; the optimistic record stays shown (the server's
 *   record may not have been pulled yet) until a pull that started after this ack completes
 *   (`clearEchoed`); the row's pending flag clears when nothing else on it waits;
 * - rejected → state `rejected` with code and message; the change is dropped from the row's
 *   optimistic record at once (the next pull brings the server's truth anyway).
 * An ack at or below `acked_through` is a replay and is ignored. `acked_through` and the ack
 * epoch move in the same transaction.
 */
export function settleAcks(
  ctx: StoreContext,
  acks: readonly MutationAck[],
  now: number,
): SettleResult {
  const s = outboxStatements(ctx.db);
  const result: SettleResult = { applied: 0, rejected: 0, touched: new Set(), violation: null };
  const client = s.client.get();
  if (!client) return { ...result, violation: 'acks for a client that has no outbox' };
  let through = intOf(client, 'acked_through');
  const epoch = intOf(client, 'ack_epoch') + 1;
  for (const ack of acks) {
    if (ack.mutationId <= through) continue;
    if (ack.mutationId !== through + 1) {
      result.violation = `ack for mutation ${ack.mutationId} while ${through + 1} was expected`;
      break;
    }
    const row = s.targetById.get(ack.mutationId);
    if (!row) {
      result.violation = `ack for mutation ${ack.mutationId}, which this device does not have`;
      break;
    }
    if (ack.status === 'rejected') {
      s.settle.run('rejected', ack.code, ack.message.slice(0, 2000), now, epoch, ack.mutationId);
      result.rejected++;
    } else {
      s.settle.run('applied', null, null, now, epoch, ack.mutationId);
      result.applied++;
    }
    const target = parseTargetKey(textOf(row, 'target'));
    if (target) {
      // Applied: the fold is unchanged (it folds applied mutations too), only `pending` moves.
      if (ack.status === 'rejected') refreshOverlay(ctx, target);
      else refreshPending(ctx, target);
      result.touched.add(target.table);
    }
    through = ack.mutationId;
  }
  s.setAcked.run(through, epoch);
  return result;
}

/**
 * MUTATION_GAP: the server expects `expected` next. When that is at or below `acked_through`
 * (the server lost acknowledged work, e.g. restored from a backup) and this device still has
 * every mutation from there on (refused ones, or applied ones not yet echoed), they are put
 * back to `pending` and sent again. When one of them is gone (applied and echoed, or
 * dismissed) the device cannot fill the gap: `missing`, a bug to report, nothing changed.
 * `expected` above `acked_through + 1` contradicts the protocol: `invalid`.
 */
export function rewindTo(
  ctx: StoreContext,
  expected: number,
): { outcome: 'resend' | 'missing' | 'invalid'; touched: Set<WriteTable> } {
  const s = outboxStatements(ctx.db);
  const touched = new Set<WriteTable>();
  const client = s.client.get();
  if (!client) return { outcome: 'invalid', touched };
  const through = intOf(client, 'acked_through');
  if (expected > through + 1) return { outcome: 'invalid', touched };
  if (expected === through + 1) return { outcome: 'resend', touched };
  const have = intOf(s.countRange.get(expected, through) ?? {}, 'n');
  if (have !== through - expected + 1) return { outcome: 'missing', touched };
  const targets = s.targetsInRange.all(expected, through).map((r) => textOf(r, 'target'));
  s.reopenRange.run(expected, through);
  s.setAcked.run(expected - 1, intOf(client, 'ack_epoch'));
  for (const key of targets) {
    const target = parseTargetKey(key);
    if (!target) continue;
    refreshOverlay(ctx, target);
    touched.add(target.table);
  }
  return { outcome: 'resend', touched };
}

/**
 * Forgets applied mutations acknowledged in `epoch` or before: a pull that started after their
 * ack has completed, so the server's records (which include their effect) are in the replica.
 * Their rows then show the server's record again (or their remaining queued changes).
 */
export function clearEchoed(ctx: StoreContext, epoch: number): Set<WriteTable> {
  const s = outboxStatements(ctx.db);
  const touched = new Set<WriteTable>();
  const keys = new Set<string>();
  for (const row of s.echoed.all(epoch)) {
    s.delete.run(intOf(row, 'mutation_id'));
    keys.add(textOf(row, 'target'));
  }
  for (const key of keys) {
    const target = parseTargetKey(key);
    if (!target) continue;
    refreshAfterEcho(ctx, target);
    touched.add(target.table);
  }
  return touched;
}
