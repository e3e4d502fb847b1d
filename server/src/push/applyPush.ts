import type { MutationAck, PushRequest, PushResponse } from '../../../shared/protocol/push.ts';
import { isMutationKind, type MutationEnvelope } from '../../../shared/sync/mutations.ts';
import { actorOf, type Principal } from '../auth/authService.ts';
import type { PendingChange } from '../changes/pendingChange.ts';
import { writeTransaction, type WriteScope } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { applyMutation } from './applyMutation.ts';
import { advanceClient, lockClient, readClientLast } from './clientBinding.ts';
import { LookupCache } from './LookupCache.ts';
import type { GroupMember, GroupOutcome } from './MutationGroup.ts';
import { MUTATION_GROUPS } from './mutationGroups.ts';
import { isMutationRejected, type MutationRejected } from './MutationRejected.ts';
import type { MutationScope } from './MutationScope.ts';

/**
 * New mutations per transaction. A batch longer than this commits in several transactions
 * ("chunks"), in order: a long batch of expensive mutations (signed opinions) never holds its
 * locks for long, and each chunk's news goes out as soon as it commits.
 */
export const PUSH_CHUNK = 500;

interface AuditRow {
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

/** What one chunk transaction decided: acks in order, where the batch goes on, a gap. */
interface ChunkResult {
  acks: MutationAck[];
  /** Index in the batch of the first mutation not looked at. */
  next: number;
  /** The client's last id after the chunk. */
  last: number;
  /** Set: the batch stops here, expecting this id. */
  gap: number | null;
  /** Whether the chunk applied or refused anything (false: duplicates only, nothing written). */
  wrote: boolean;
}

/**
 * Applies a push batch (shared/protocol/push.ts), IN ORDER, so that every mutation has exactly
 * one effect however often the device resends it, and a crash at any point loses nothing that
 * was acknowledged:
 *
 * 1. The client id must be unbound or bound to the caller (FORBIDDEN for the whole batch).
 * 2. The batch's new mutations go in chunks of at most PUSH_CHUNK, ONE transaction per chunk:
 *    lock the client row, then for each mutation in order
 *    - id ≤ last → `duplicate`, nothing written;
 *    - id > last + 1 → stop: the answer carries `expectedMutationId` = last + 1 and no ack for
 *      this mutation or any after it (what the chunk did before it commits);
 *    - id = last + 1 → the effect (applied) or a refusal (rejected{code}: no effect, only an
 *      audit row), which later mutations of the batch see (an edit of a comment created
 *      earlier in the same batch);
 *    then ONE last_mutation_id update, the audit rows (one hash-chained multi-row INSERT) and
 *    the change-log entries (consecutive seqs, multi-row INSERT), and the commit: effects and
 *    last_mutation_id commit together. News hints go out after each commit (writeTransaction).
 * 3. The answer lists one ack per mutation looked at, in order.
 *
 * Runs of consecutive mutations of a kind with a group applier (mutationGroups.ts, e.g.
 * comment.create) are applied together in a few statements, every check before any write
 * (MutationGroup.ts); any other mutation is applied alone in a savepoint, so a refusal rolls
 * back exactly its own writes. Meeting, participant and agenda-item rows are read once per
 * chunk (LookupCache.ts).
 *
 * Identity and time are the server's (token row, clock); `clientTime` is never used for rules.
 * A server fault throws (the socket answers INTERNAL); the chunks committed before it stay, and
 * the device's resend gets those as duplicates. Row locks an effect takes (a vote row, an edited
 * comment) are held until its chunk commits: on PostgreSQL two batches that lock the same rows in
 * opposite orders can deadlock; the database then aborts one, which answers INTERNAL and is
 * resent by its device (nothing of it was committed).
 *
 * Test-only fault points (faults/faultPlan.ts): `push:before-commit` just before each chunk's
 * COMMIT, `push:after-commit` after it (before the next chunk or the ack) — both only for chunks
 * that applied or refused something — and `push:before-ack` once the whole batch is done.
 */
export async function applyPush(
  ctx: ServerContext,
  principal: Principal,
  request: PushRequest,
): Promise<PushResponse> {
  const clientId = request.clientId.toLowerCase();
  const batch = request.mutations;
  let known = await readClientLast(ctx.db, clientId, principal.userId);
  const acks: MutationAck[] = [];
  let index = 0;
  while (index < batch.length) {
    const mutation = batch[index]!;
    // Answered without a transaction: last_mutation_id only grows, so this stays a duplicate.
    if (mutation.mutationId <= known) {
      acks.push({ mutationId: mutation.mutationId, status: 'duplicate' });
      index += 1;
      continue;
    }
    const chunk = await applyChunk(ctx, principal, clientId, batch, index);
    acks.push(...chunk.acks);
    if (chunk.wrote) ctx.faults.reach('push:after-commit');
    if (chunk.gap !== null) return { acks, expectedMutationId: chunk.gap };
    known = chunk.last;
    index = chunk.next;
  }
  ctx.faults.reach('push:before-ack');
  return { acks, expectedMutationId: null };
}

/** From `batch[from]` on, up to PUSH_CHUNK new mutations in one transaction. */
async function applyChunk(
  ctx: ServerContext,
  principal: Principal,
  clientId: string,
  batch: readonly MutationEnvelope[],
  from: number,
): Promise<ChunkResult> {
  let wrote = false;
  return writeTransaction(
    ctx,
    actorOf(principal),
    async (w): Promise<ChunkResult> => {
      let last = await lockClient(w.tx, clientId, principal.userId, w.now);
      // Decide, in order, which mutations are new (id = last + 1), duplicates, or a gap.
      // A duplicate's ack, or the id of a new mutation (answered once it is applied).
      const slots: (MutationAck | number)[] = [];
      const fresh: MutationEnvelope[] = [];
      let gap: number | null = null;
      let next = from;
      for (; next < batch.length && fresh.length < PUSH_CHUNK; next += 1) {
        const mutation = batch[next]!;
        const id = mutation.mutationId;
        if (id <= last) {
          slots.push({ mutationId: id, status: 'duplicate' });
        } else if (id > last + 1) {
          gap = last + 1;
          break;
        } else {
          slots.push(id);
          fresh.push(mutation);
          last = id;
        }
      }
      const outcomes = await applyInOrder(ctx, w, principal, clientId, fresh);
      if (fresh.length > 0) {
        wrote = true;
        await advanceClient(w.tx, clientId, last, w.now);
      }
      const acks = slots.map((slot) => {
        if (typeof slot !== 'number') return slot;
        const ack = outcomes.get(slot);
        if (ack === undefined) throw new Error(`mutation ${slot} was not applied`);
        return ack;
      });
      return { acks, next, last, gap, wrote };
    },
    { beforeCommit: () => (wrote ? ctx.faults.reach('push:before-commit') : undefined) },
  );
}

/**
 * Applies the chunk's new mutations in order; each one's change-log entries and audit rows
 * join the transaction in that order (a refused one: only its `push.rejected` audit row and
 * the evidence its refusal keeps).
 */
async function applyInOrder(
  ctx: ServerContext,
  w: WriteScope,
  principal: Principal,
  clientId: string,
  mutations: readonly MutationEnvelope[],
): Promise<Map<number, MutationAck>> {
  const acks = new Map<number, MutationAck>();
  const cache = new LookupCache();
  const scopeFor = (tx: WriteScope['tx'], changes: PendingChange[], audits: AuditRow[]) =>
    ({
      tx,
      now: w.now,
      principal,
      config: ctx.config,
      cache,
      change: (...entries) => changes.push(...entries),
      audit: (action, subject, details = {}) => audits.push({ action, subject, details }),
    }) satisfies MutationScope;

  // A group reports entries and audit rows through its members' scopes, never its own.
  const misplaced = (): never => {
    throw new Error('a group applier must record entries through its members');
  };
  const groupScope: MutationScope = {
    ...scopeFor(w.tx, [], []),
    change: misplaced,
    audit: misplaced,
  };

  const settle = async (
    mutation: MutationEnvelope,
    outcome: GroupOutcome,
    changes: readonly PendingChange[],
    audits: readonly AuditRow[],
  ): Promise<void> => {
    const mutationId = mutation.mutationId;
    if (outcome === 'applied') {
      w.change(...changes);
      for (const a of audits) w.audit(a.action, a.subject, { ...a.details, clientId, mutationId });
      acks.set(mutationId, { mutationId, status: 'applied' });
      return;
    }
    acks.set(mutationId, await refuse(w, clientId, mutation, outcome));
  };

  let index = 0;
  while (index < mutations.length) {
    const first = mutations[index]!;
    const group = isMutationKind(first.kind) ? MUTATION_GROUPS[first.kind] : undefined;
    if (group !== undefined) {
      let end = index + 1;
      while (end < mutations.length && mutations[end]!.kind === first.kind) end += 1;
      const run = mutations.slice(index, end);
      const collected = run.map(() => ({
        changes: [] as PendingChange[],
        audits: [] as AuditRow[],
      }));
      const members: GroupMember[] = run.map((mutation, i) => ({
        mutationId: mutation.mutationId,
        args: mutation.args,
        scope: scopeFor(w.tx, collected[i]!.changes, collected[i]!.audits),
      }));
      const outcomes = await group(groupScope, members);
      if (outcomes.length !== run.length) throw new Error('group applier lost a mutation');
      for (let i = 0; i < run.length; i += 1)
        await settle(run[i]!, outcomes[i]!, collected[i]!.changes, collected[i]!.audits);
      index = end;
      continue;
    }
    // Alone, in a savepoint: a refusal undoes exactly this mutation's writes.
    const changes: PendingChange[] = [];
    const audits: AuditRow[] = [];
    let outcome: GroupOutcome = 'applied';
    try {
      await w.tx.transaction(async (savepoint) => {
        await applyMutation(scopeFor(savepoint, changes, audits), first.kind, first.args);
      });
    } catch (error) {
      if (!isMutationRejected(error)) throw error;
      outcome = error;
    }
    await settle(first, outcome, changes, audits);
    index += 1;
  }
  return acks;
}

/** A refusal: the evidence it keeps (if any), its audit row, its typed ack. */
async function refuse(
  w: WriteScope,
  clientId: string,
  mutation: MutationEnvelope,
  error: MutationRejected,
): Promise<MutationAck> {
  const mutationId = mutation.mutationId;
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
