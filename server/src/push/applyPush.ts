import type { MutationAck, PushRequest, PushResponse } from '../../../shared/protocol/push.ts';
import type { MutationEnvelope } from '../../../shared/sync/mutations.ts';
import { actorOf, type Principal } from '../auth/authService.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import { writeTransaction, type WriteScope } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { applyMutation } from './applyMutation.ts';
import { advanceClient, lockClient, readClientLast } from './clientBinding.ts';
import { isMutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';

type Outcome =
  | { kind: 'ack'; ack: MutationAck; last: number; isNew: boolean }
  | { kind: 'gap'; expected: number };

/**
 * Applies a push batch (shared/protocol/push.ts), mutation by mutation, IN ORDER, each in its
 * own transaction together with the client's last_mutation_id — so every mutation has exactly
 * one effect however often the device resends it, and a crash at any point loses nothing that
 * was acknowledged:
 *
 * 1. The client id must be unbound or bound to the caller (FORBIDDEN for the whole batch).
 * 2. For each mutation:
 *    - id ≤ last → `duplicate`, nothing written;
 *    - id > last + 1 → stop: the answer carries `expectedMutationId` = last + 1 and no ack for
 *      this mutation or any after it;
 *    - id = last + 1 → the effect (applied) or a refusal (rejected{code}, only an audit row),
 *      and last_mutation_id = id, committed together; news hints go out after the commit.
 * 3. The answer lists one ack per mutation looked at, in order.
 *
 * Identity and time are the server's (token row, clock); `clientTime` is never used for rules.
 * A server fault throws (the socket answers INTERNAL); what committed before it stays, and the
 * device's resend gets those as duplicates.
 */
export async function applyPush(
  ctx: ServerContext,
  principal: Principal,
  request: PushRequest,
): Promise<PushResponse> {
  const clientId = request.clientId.toLowerCase();
  let known = await readClientLast(ctx.db, clientId, principal.userId);
  const acks: MutationAck[] = [];
  for (const mutation of request.mutations) {
    if (mutation.mutationId <= known) {
      acks.push({ mutationId: mutation.mutationId, status: 'duplicate' });
      continue;
    }
    const outcome = await applyOne(ctx, principal, clientId, mutation);
    if (outcome.kind === 'gap') return { acks, expectedMutationId: outcome.expected };
    acks.push(outcome.ack);
    known = outcome.last;
    if (outcome.isNew) ctx.faults.reach('push:after-commit');
  }
  ctx.faults.reach('push:before-ack');
  return { acks, expectedMutationId: null };
}

/** One mutation in one transaction: lock the client row, decide, apply or refuse, advance. */
async function applyOne(
  ctx: ServerContext,
  principal: Principal,
  clientId: string,
  mutation: MutationEnvelope,
): Promise<Outcome> {
  let isNew = false;
  return writeTransaction(
    ctx,
    actorOf(principal),
    async (w): Promise<Outcome> => {
      const last = await lockClient(w.tx, clientId, principal.userId, w.now);
      const id = mutation.mutationId;
      if (id <= last)
        return { kind: 'ack', ack: { mutationId: id, status: 'duplicate' }, last, isNew };
      if (id > last + 1) return { kind: 'gap', expected: last + 1 };
      isNew = true;
      const ack = await runMutation(ctx, w, principal, clientId, mutation);
      await advanceClient(w.tx, clientId, id, w.now);
      return { kind: 'ack', ack, last: id, isNew };
    },
    { beforeCommit: () => (isNew ? ctx.faults.reach('push:before-commit') : undefined) },
  );
}

/**
 * The mutation's effect inside a savepoint. Rejected → the savepoint is rolled back, nothing of
 * the effect remains, an audit row records the refusal. Applied → its change-log entries and
 * audit rows join the transaction.
 */
async function runMutation(
  ctx: ServerContext,
  w: WriteScope,
  principal: Principal,
  clientId: string,
  mutation: MutationEnvelope,
): Promise<MutationAck> {
  const mutationId = mutation.mutationId;
  const changes: PendingChange[] = [];
  const audits: { action: string; subject: string | null; details: Record<string, unknown> }[] = [];
  try {
    await w.tx.transaction(async (savepoint) => {
      const scope: MutationScope = {
        tx: savepoint,
        now: w.now,
        principal,
        config: ctx.config,
        change: (...entries) => changes.push(...entries),
        audit: (action, subject, details = {}) => audits.push({ action, subject, details }),
      };
      await applyMutation(scope, mutation.kind, mutation.args);
    });
  } catch (error) {
    if (!isMutationRejected(error)) throw error;
    if (error.keep !== undefined) w.change(...(await error.keep(w.tx)));
    w.audit('push.rejected', null, {
      clientId,
      mutationId,
      kind: mutation.kind,
      code: error.code,
      message: error.message,
    });
    return { mutationId, status: 'rejected', code: error.code, message: error.message };
  }
  w.change(...changes);
  for (const a of audits) w.audit(a.action, a.subject, { ...a.details, clientId, mutationId });
  return { mutationId, status: 'applied' };
}
