import type { DatabaseSync } from 'node:sqlite';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import type { Logger } from '../log/logger.ts';
import { localRecordContext, recordContext } from '../store/replicaTables.ts';
import { intOf, optionalBytesOf, textOf } from '../store/rowValues.ts';
import { fold, parseMutation, type QueuedMutation } from './localMutation.ts';
import { outboxStatements, rowStatements } from './outboxStatements.ts';
import {
  targetKey,
  WRITE_TABLES,
  type Target,
  type WriteRecords,
  type WriteTable,
} from './writeTables.ts';

/** What the overlay functions need. None of them opens a transaction: callers hold one. */
export interface StoreContext {
  db: DatabaseSync;
  cipher: FieldCipher;
  log: Logger;
}

/** One replica row of a write table, opened and parsed. */
export interface RowState<T extends WriteTable> {
  /** The server's record, null until it sent one. */
  server: WriteRecords[T] | null;
  /** What the device shows: the optimistic record when there is one, else the server's. */
  view: WriteRecords[T] | null;
  /** A change to this row is not acknowledged yet. */
  pending: boolean;
  /** The row has an optimistic record (pending, or applied and not yet echoed by a pull). */
  local: boolean;
}

export function argsContext(mutationId: number): string {
  return `outbox:${mutationId}`;
}

/** Reads one row; a value that fails to open or parse is logged and treated as absent. */
export function readRow<T extends WriteTable>(
  ctx: StoreContext,
  target: { table: T; id: string },
): RowState<T> | null {
  const row = rowStatements(ctx.db, target.table).select.get(target.id);
  if (!row) return null;
  const server = openRecord(ctx, target, optionalBytesOf(row, 'json'), false);
  const localSealed = optionalBytesOf(row, 'local_json');
  const local = localSealed ? openRecord(ctx, target, localSealed, true) : null;
  return {
    server,
    view: local ?? server,
    pending: intOf(row, 'pending') === 1,
    local: localSealed !== null,
  };
}

export function openRecord<T extends WriteTable>(
  ctx: StoreContext,
  target: { table: T; id: string },
  sealed: Uint8Array | null,
  local: boolean,
): WriteRecords[T] | null {
  if (!sealed) return null;
  const context = local
    ? localRecordContext(target.table, target.id)
    : recordContext(target.table, target.id);
  try {
    const parsed = WRITE_TABLES[target.table].schema.safeParse(
      JSON.parse(ctx.cipher.open(sealed, context)),
    );
    if (parsed.success && parsed.data.id === target.id) return parsed.data;
  } catch {
    // fall through: logged below
  }
  ctx.log.warn('replica row could not be opened; ignored', {
    table: target.table,
    id: target.id,
    local,
  });
  return null;
}

/** The row's non-refused mutations, oldest first, opened; `unacked` when one is not acknowledged. */
export function queuedFor(
  ctx: StoreContext,
  target: Target,
): { queued: QueuedMutation[]; unacked: boolean } {
  const queued: QueuedMutation[] = [];
  let unacked = false;
  for (const row of outboxStatements(ctx.db).byTarget.all(targetKey(target))) {
    const mutationId = intOf(row, 'mutation_id');
    const state = textOf(row, 'state');
    if (state === 'pending' || state === 'sent') unacked = true;
    const mutation = openMutation(
      ctx,
      mutationId,
      textOf(row, 'kind'),
      optionalBytesOf(row, 'args'),
    );
    if (!mutation) continue;
    queued.push({
      mutationId,
      mutation,
      clientTime: intOf(row, 'client_time'),
      meetingId: textOf(row, 'meeting_id'),
    });
  }
  return { queued, unacked };
}

/** Opens and parses a stored mutation; null (logged) when it cannot be. */
export function openMutation(
  ctx: StoreContext,
  mutationId: number,
  kind: string,
  sealed: Uint8Array | null,
): QueuedMutation['mutation'] | null {
  let args: unknown;
  try {
    if (!sealed) throw new Error('no args');
    args = JSON.parse(ctx.cipher.open(sealed, argsContext(mutationId)));
  } catch {
    ctx.log.error('outbox entry could not be opened', { mutationId });
    return null;
  }
  const mutation = parseMutation(kind, args);
  if (!mutation) ctx.log.error('outbox entry is not a valid mutation', { mutationId, kind });
  return mutation;
}

/** The user the outbox's mutations belong to (null when nothing was ever queued). */
export function outboxUser(ctx: StoreContext): string | null {
  const row = outboxStatements(ctx.db).client.get();
  return row ? textOf(row, 'user_id') : null;
}

/** What a caller already holds of the row, so refreshOverlay need not read or open it again. */
export interface KnownRow<T extends WriteTable> {
  /** The row as `select` returns it (undefined: no row). */
  row: Record<string, unknown> | undefined;
  /** The server's record just stored in it (as sealed into `json`). */
  server: WriteRecords[T] | null;
}

/**
 * Re-establishes the row's invariant after anything it depends on changed (a local write, an
 * ack, a refusal, a pull): `local_json` = the server record with the row's non-refused
 * mutations applied (NULL when there are none), `pending` = one of them is unacknowledged, and
 * no row exists that has neither a server nor a local record. Returns what the row now shows.
 */
export function refreshOverlay<T extends WriteTable>(
  ctx: StoreContext,
  target: { table: T; id: string },
  known?: KnownRow<T>,
): RowState<T> | null {
  const s = rowStatements(ctx.db, target.table);
  const row = known === undefined ? s.select.get(target.id) : known.row;
  const server =
    known !== undefined
      ? known.server
      : row
        ? openRecord(ctx, target, optionalBytesOf(row, 'json'), false)
        : null;
  const { queued, unacked } = queuedFor(ctx, target);
  const userId = queued.length > 0 ? outboxUser(ctx) : null;
  const view = userId === null ? null : fold(target.table, server, queued, userId);
  if (view === null) {
    if (!row) return null;
    if (server === null) {
      s.delete.run(target.id);
      return null;
    }
    s.clearLocal.run(target.id);
    return { server, view: server, pending: false, local: false };
  }
  const spec = WRITE_TABLES[target.table];
  const sealed = ctx.cipher.seal(JSON.stringify(view), localRecordContext(target.table, target.id));
  s.upsertLocal.run(target.id, ...spec.values(view), sealed, unacked ? 1 : 0);
  return { server, view, pending: unacked, local: true };
}

/**
 * refreshOverlay after a mutation of the row was acknowledged as applied (or duplicate): its
 * state went from sent to applied, which the fold does not look at (it folds every non-refused
 * mutation), so `local_json` stays what it was and only `pending` can change — one UPDATE, no
 * opening, folding or sealing.
 */
export function refreshPending(ctx: StoreContext, target: Target): void {
  const waiting = outboxStatements(ctx.db).unackedOnTarget.get(targetKey(target)) !== undefined;
  rowStatements(ctx.db, target.table).setPending.run(waiting ? 1 : 0, target.id);
}

/**
 * refreshOverlay after some of the row's mutations left the outbox (echoed by a pull). When
 * none of its mutations is left to fold, the row shows the server's record alone: `local_json`
 * cleared, or the row deleted when the server has no record for it (`json` NULL) — without
 * opening anything. Otherwise the full refresh.
 */
export function refreshAfterEcho(ctx: StoreContext, target: Target): void {
  if (outboxStatements(ctx.db).liveOnTarget.get(targetKey(target)) !== undefined) {
    refreshOverlay(ctx, target);
    return;
  }
  const s = rowStatements(ctx.db, target.table);
  const row = s.select.get(target.id);
  if (!row) return;
  if (optionalBytesOf(row, 'json') === null) s.delete.run(target.id);
  else if (optionalBytesOf(row, 'local_json') !== null) s.clearLocal.run(target.id);
}
