import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Rejection } from '../../../shared/domain/views.ts';
import type { MutationAck } from '../../../shared/protocol/push.ts';
import type { MutationEnvelope } from '../../../shared/sync/mutations.ts';
import type { LocalMutation } from '../../../shared/sync/optimistic.ts';
import type { FieldCipher } from '../crypto/FieldCipher.ts';
import type { Logger } from '../log/logger.ts';
import {
  intOf,
  optionalBytesOf,
  optionalIntOf,
  optionalTextOf,
  textOf,
} from '../store/rowValues.ts';
import { immediate, immediateRelaxed } from '../store/transaction.ts';
import { outboxStatements } from './outboxStatements.ts';
import { argsContext, openMutation, type StoreContext } from './overlay.ts';
import { recordMutation, type LocalWrite, type RecordedWrite } from './recordMutation.ts';
import { clearEchoed, rewindTo, settleAcks, type SettleResult } from './settleAcks.ts';
import { summarize } from './summarize.ts';
import type { WriteTable } from './writeTables.ts';

export interface OutboxClient {
  /** Sent with every push; bound by the server to `userId`. */
  clientId: string;
  userId: string;
  /** Highest id allocated; ids run 1, 2, 3… with no gaps. */
  lastMutationId: number;
  /** Every id at or below has its final ack. */
  ackedThrough: number;
  ackEpoch: number;
}

export interface PushBatch {
  clientId: string;
  userId: string;
  mutations: MutationEnvelope[];
}

/** A refused change with its parsed mutation (null if it could not be opened). */
export interface RejectedEntry {
  rejection: Rejection;
  mutation: LocalMutation | null;
}

export interface OutboxDeps {
  db: DatabaseSync;
  cipher: FieldCipher;
  log: Logger;
  /** Epoch ms. */
  now: () => number;
  /** Default: a random UUID. */
  newClientId?: () => string;
}

/**
 * The durable queue of local changes (architecture.md "Up"; style.md habit 4), in the same
 * SQLite database as the replica. A write commits the optimistic replica row and the outbox
 * row in one BEGIN IMMEDIATE transaction (recordMutation.ts). Acks, refusals, resends and the
 * cleanup after a pull each run in one transaction too (settleAcks.ts). Pending count and batch
 * reads use the client row's counters and the primary key: constant cost per call.
 */
export class Outbox {
  private readonly ctx: StoreContext;
  private readonly now: () => number;
  private readonly newClientId: () => string;

  constructor(deps: OutboxDeps) {
    this.ctx = { db: deps.db, cipher: deps.cipher, log: deps.log };
    this.now = deps.now;
    this.newClientId = deps.newClientId ?? (() => randomUUID());
  }

  /** Commits one local change (replica + outbox) durably. Throws (nothing written) on failure. */
  write(write: LocalWrite): RecordedWrite {
    return immediate(this.ctx.db, () => recordMutation(this.ctx, write, this.newClientId));
  }

  client(): OutboxClient | null {
    const row = outboxStatements(this.ctx.db).client.get();
    if (!row) return null;
    return {
      clientId: textOf(row, 'client_id'),
      userId: textOf(row, 'user_id'),
      lastMutationId: intOf(row, 'last_mutation_id'),
      ackedThrough: intOf(row, 'acked_through'),
      ackEpoch: intOf(row, 'ack_epoch'),
    };
  }

  /** Unacknowledged and refused (not dismissed) changes. */
  counts(): { pending: number; rejected: number } {
    const client = this.client();
    const rejected = intOf(outboxStatements(this.ctx.db).rejectedCount.get() ?? {}, 'n');
    return { pending: client ? client.lastMutationId - client.ackedThrough : 0, rejected };
  }

  /** Refused changes not dismissed, oldest first. */
  rejected(): RejectedEntry[] {
    return outboxStatements(this.ctx.db)
      .rejected.all()
      .map((row) => {
        const mutationId = intOf(row, 'mutation_id');
        const kind = textOf(row, 'kind');
        const mutation = openMutation(this.ctx, mutationId, kind, optionalBytesOf(row, 'args'));
        return {
          mutation,
          rejection: {
            mutationId,
            kind,
            summary: mutation ? summarize(mutation) : '',
            code: optionalTextOf(row, 'code') ?? 'UNKNOWN',
            message: optionalTextOf(row, 'message') ?? '',
            clientTime: intOf(row, 'client_time'),
            rejectedAt: optionalIntOf(row, 'settled_at') ?? 0,
            meetingId: textOf(row, 'meeting_id'),
          },
        };
      });
  }

  /** Forgets a refused change; false when `mutationId` is not a refused one. */
  dismiss(mutationId: number): boolean {
    const result = outboxStatements(this.ctx.db).dismiss.run(mutationId);
    return Number(result.changes) === 1;
  }

  /**
   * The next unacknowledged mutations in id order: at most `limit`, and at most `maxBytes` of
   * serialized envelopes (at least one). Args that cannot be opened are sent as null: the
   * server refuses that one (INVALID_ARGS) and the queue moves on. Null when nothing waits.
   */
  nextBatch(limit: number, maxBytes: number): PushBatch | null {
    const client = this.client();
    if (!client || client.ackedThrough >= client.lastMutationId) return null;
    const mutations: MutationEnvelope[] = [];
    let bytes = 0;
    for (const row of outboxStatements(this.ctx.db).batch.all(client.ackedThrough, limit)) {
      const mutationId = intOf(row, 'mutation_id');
      let args: unknown = null;
      try {
        const sealed = optionalBytesOf(row, 'args');
        if (sealed) args = JSON.parse(this.ctx.cipher.open(sealed, argsContext(mutationId)));
      } catch {
        this.ctx.log.error('outbox entry could not be opened; sent without args', { mutationId });
      }
      const envelope: MutationEnvelope = {
        mutationId,
        kind: textOf(row, 'kind'),
        args,
        clientTime: intOf(row, 'client_time'),
      };
      const size = Buffer.byteLength(JSON.stringify(envelope));
      if (mutations.length > 0 && bytes + size > maxBytes) break;
      mutations.push(envelope);
      bytes += size;
    }
    return mutations.length === 0
      ? null
      : { clientId: client.clientId, userId: client.userId, mutations };
  }

  /**
   * pending → sent for the batch going out. Committed without waiting for an fsync
   * (immediateRelaxed): losing it in a power cut only shows those changes as not sent yet, and
   * they are resent anyway until acknowledged.
   */
  markSent(firstId: number, lastId: number): void {
    immediateRelaxed(this.ctx.db, () =>
      outboxStatements(this.ctx.db).markSent.run(firstId, lastId),
    );
  }

  settle(acks: readonly MutationAck[]): SettleResult {
    return immediate(this.ctx.db, () => settleAcks(this.ctx, acks, this.now()));
  }

  rewind(expected: number): ReturnType<typeof rewindTo> {
    return immediate(this.ctx.db, () => rewindTo(this.ctx, expected));
  }

  ackEpoch(): number {
    return this.client()?.ackEpoch ?? 0;
  }

  /**
   * See settleAcks.ts `clearEchoed`. Committed without waiting for an fsync (immediateRelaxed):
   * lost in a power cut, it only leaves applied mutations that the next completed pull forgets.
   */
  clearEchoed(epoch: number): Set<WriteTable> {
    if (!outboxStatements(this.ctx.db).anyEchoed.get(epoch)) return new Set();
    return immediateRelaxed(this.ctx.db, () => clearEchoed(this.ctx, epoch));
  }
}
