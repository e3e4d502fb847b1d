import { pushResponseSchema, type PushResponse } from '../../../shared/protocol/push.ts';
import { SOCKET_EVENTS } from '../../../shared/protocol/socket.ts';
import type { Logger } from '../log/logger.ts';
import { backoffDelay } from '../sync/backoff.ts';
import type { SyncSocket } from '../sync/openSyncSocket.ts';
import { requestAck, type AckOutcome } from '../sync/requestAck.ts';
import type { Outbox, PushBatch } from './Outbox.ts';
import type { PushTuning } from './PushTuning.ts';
import type { WriteTable } from './writeTables.ts';

export interface PushError {
  code: string;
  message: string;
  /** Epoch ms. */
  at: number;
}

export interface OutboxPusherDeps {
  outbox: Outbox;
  /** The signed-in user (null: nobody). An outbox is only ever sent with its own user's token. */
  activeUserId: () => string | null;
  /** The server refused the token: the session ends (the sync engine stops the socket). */
  onAuthFailure: (reason: 'expired' | 'revoked') => void;
  /** Acks or a resend changed rows of these tables (`applied` > 0: a pull will echo them). */
  onSettled: (change: { touched: Set<WriteTable>; applied: number }) => void;
  /** Counts, last push or last error changed. */
  onStatus: () => void;
  /** Epoch ms. */
  now: () => number;
  log: Logger;
  tuning: PushTuning;
}

/** Consecutive MUTATION_GAP answers resent before the pusher gives up on a connection. */
const MAX_GAP_RESENDS = 3;

type Step = 'continue' | 'stop' | 'retry';

/**
 * Sends the outbox over the sync socket: on connect, and debounced after each local write; in
 * id order, in batches, with ONE push in flight. An answered push applies its acks (Outbox.settle)
 * and goes on with the next batch; a refused mutation is settled like any other, so it never
 * blocks the ones after it. No ack in time, an error ack or a malformed one: retried with capped
 * exponential backoff (same ids: the server answers what it already has as duplicates). A lost
 * connection ends the loop; the next connect starts it again.
 */
export class OutboxPusher {
  private readonly deps: OutboxPusherDeps;
  private connection: SyncSocket | null = null;
  private running = false;
  private again = false;
  /** Set after a gap this device cannot fill: nothing is sent until the next connect. */
  private stalled = false;
  private gapResends = 0;
  private failures = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  /** performance.now() of the first write of the current burst, ms. */
  private burstStart: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private done: Promise<void> = Promise.resolve();
  private lastPushAt: number | null = null;
  private lastError: PushError | null = null;
  private updateRequired = false;

  constructor(deps: OutboxPusherDeps) {
    this.deps = deps;
  }

  status(): { lastPushAt: number | null; lastError: PushError | null; updateRequired: boolean } {
    return {
      lastPushAt: this.lastPushAt,
      lastError: this.lastError,
      updateRequired: this.updateRequired,
    };
  }

  /** The sync socket connected: the server accepted our protocol; push what waits. */
  online(connection: SyncSocket): void {
    this.connection = connection;
    this.stalled = false;
    this.gapResends = 0;
    this.failures = 0;
    this.clearRetry();
    if (this.updateRequired) {
      this.updateRequired = false;
      this.deps.onStatus();
    }
    this.pushNow();
  }

  offline(): void {
    this.connection = null;
    this.clearRetry();
    this.clearDebounce();
  }

  /** connect_error PROTOCOL_UNSUPPORTED: nothing can be sent until the app is updated. */
  protocolRefused(): void {
    const message = 'the server does not speak this protocol version; update the app';
    this.lastError = { code: 'PROTOCOL_UNSUPPORTED', message, at: this.deps.now() };
    this.clearRetry();
    const changed = !this.updateRequired;
    this.updateRequired = true;
    if (changed) this.deps.onStatus();
  }

  /** A local change was committed: push after `debounceMs` of quiet (at most `maxDebounceMs`). */
  written(): void {
    const { debounceMs, maxDebounceMs } = this.deps.tuning;
    const now = performance.now();
    this.burstStart ??= now;
    const wait = Math.min(debounceMs, Math.max(0, this.burstStart + maxDebounceMs - now));
    this.clearDebounce(false);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.burstStart = null;
      this.pushNow();
    }, wait);
  }

  /** Resolves when the push loop running now (if any) has ended. */
  idle(): Promise<void> {
    return this.done;
  }

  async stop(): Promise<void> {
    this.offline();
    await this.done;
  }

  private pushNow(): void {
    this.clearDebounce();
    if (!this.connection || this.stalled || this.retryTimer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    this.done = this.loop()
      .catch((error: unknown) => {
        this.deps.log.error('push loop failed', { error: String(error) });
        this.fail('INTERNAL', String(error));
        this.scheduleRetry();
      })
      .finally(() => {
        this.running = false;
        if (this.again) this.pushNow();
      });
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.again = false;
      const connection = this.connection;
      if (!connection || this.stalled) return;
      const { batchLimit, maxBatchBytes, ackTimeoutMs } = this.deps.tuning;
      const batch = this.deps.outbox.nextBatch(batchLimit, maxBatchBytes);
      if (!batch) return;
      if (batch.userId !== this.deps.activeUserId()) {
        this.deps.log.warn('outbox belongs to another user than the session; not sent');
        return;
      }
      const first = batch.mutations[0]?.mutationId ?? 0;
      this.deps.outbox.markSent(first, batch.mutations.at(-1)?.mutationId ?? first);
      const request = { clientId: batch.clientId, mutations: batch.mutations };
      const outcome = await requestAck(
        connection.socket,
        connection.gone,
        SOCKET_EVENTS.push,
        request,
        ackTimeoutMs,
      );
      if (this.connection !== connection) return; // dropped meanwhile: the next connect resends
      const step = this.handle(outcome, batch);
      if (step === 'retry') this.scheduleRetry();
      if (step !== 'continue') return;
    }
  }

  private handle(outcome: AckOutcome, batch: PushBatch): Step {
    switch (outcome.kind) {
      case 'gone':
        return 'stop';
      case 'no-answer':
        return this.fail('SERVER_UNREACHABLE', `push got no answer: ${outcome.reason}`);
      case 'auth-failed':
        this.deps.onAuthFailure(outcome.reason);
        return 'stop';
      case 'refused':
        if (outcome.code === 'PROTOCOL_UNSUPPORTED') {
          this.protocolRefused();
          return 'stop';
        }
        return this.fail(outcome.code, outcome.message);
      case 'malformed':
        return this.fail('INVALID_ACK', outcome.issues.join('; '));
      case 'value': {
        const response = pushResponseSchema.safeParse(outcome.value);
        if (!response.success) return this.fail('INVALID_ACK', 'push answer outside the protocol');
        return this.answered(response.data, batch);
      }
    }
  }

  private answered(response: PushResponse, batch: PushBatch): Step {
    const settled = this.deps.outbox.settle(response.acks);
    const touched = new Set(settled.touched);
    if (settled.applied + settled.rejected > 0) {
      this.failures = 0;
      this.lastPushAt = this.deps.now();
      this.lastError = null;
    }
    let step: Step = 'continue';
    if (settled.violation) {
      this.deps.log.error('push answer broke the protocol', { violation: settled.violation });
      step = this.fail('PROTOCOL_ERROR', settled.violation);
    } else if (response.expectedMutationId !== null) {
      step = this.gap(response.expectedMutationId, batch, touched);
    } else if (response.acks.length === 0) {
      step = this.fail('PROTOCOL_ERROR', 'push answer without acks or expected id');
    } else {
      this.gapResends = 0;
    }
    this.deps.onSettled({ touched, applied: settled.applied });
    this.deps.onStatus();
    return step;
  }

  /** MUTATION_GAP: resend from the id the server expects, if this device still has it. */
  private gap(expected: number, batch: PushBatch, touched: Set<WriteTable>): Step {
    this.gapResends++;
    const rewound = this.deps.outbox.rewind(expected);
    for (const table of rewound.touched) touched.add(table);
    if (rewound.outcome === 'resend' && this.gapResends <= MAX_GAP_RESENDS) {
      this.deps.log.warn('server expects earlier mutations; resending', {
        expected,
        sentFrom: batch.mutations[0]?.mutationId,
      });
      return 'continue';
    }
    // The server expects an id this device no longer has (or keeps asking): a bug on one side.
    this.deps.log.error('mutation gap this device cannot fill; pushing stops until reconnect', {
      expected,
      outcome: rewound.outcome,
      clientId: batch.clientId,
    });
    this.stalled = true;
    this.lastError = {
      code: 'MUTATION_GAP',
      message: `the server expects mutation ${expected}`,
      at: this.deps.now(),
    };
    return 'stop';
  }

  private fail(code: string, message: string): Step {
    this.lastError = { code, message: message.slice(0, 2000), at: this.deps.now() };
    this.deps.log.warn('push failed', { code, message });
    this.deps.onStatus();
    return 'retry';
  }

  private scheduleRetry(): void {
    if (!this.connection || this.retryTimer || this.updateRequired) return;
    this.failures++;
    const delay = backoffDelay(this.failures, this.deps.tuning.retry, this.deps.tuning.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pushNow();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearDebounce(resetBurst = true): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
    if (resetBurst) this.burstStart = null;
  }
}
