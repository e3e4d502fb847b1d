import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { OutboxPusher } from '../../../electron/core/outbox/OutboxPusher.ts';
import { DEFAULT_PUSH_TUNING, type PushTuning } from '../../../electron/core/outbox/PushTuning.ts';
import type { SyncSocket } from '../../../electron/core/sync/openSyncSocket.ts';
import type { MutationAck, PushRequest } from '../../../shared/protocol/push.ts';
import { eventually } from '../../support/coreHarness.ts';
import { writeHarness, type WriteHarness } from './writeHarness.ts';

type Answer = (request: PushRequest) => unknown;
type Socket = SyncSocket['socket'];

/** A connected socket whose `push` acks come from `answer` (a never-settling promise = no ack). */
function fakeConnection(
  answer: Answer,
): SyncSocket & { inFlight: () => number; maxInFlight: () => number } {
  let inFlight = 0;
  let maxInFlight = 0;
  const socket = {
    connected: true,
    timeout: (ms: number) => ({
      emitWithAck: async (_event: string, payload: unknown) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await Promise.race([
            Promise.resolve(answer(payload as PushRequest)),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('operation has timed out')), ms),
            ),
          ]);
        } finally {
          inFlight--;
        }
      },
    }),
  };
  return {
    socket: socket as unknown as Socket,
    gone: new Promise(() => {}),
    drop: () => {},
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
  };
}

/** The server side of push.ts for one client: last id seen, duplicates, gaps. */
function server(options: { reject?: (id: number) => boolean } = {}) {
  const state = { last: 0, requests: [] as number[][] };
  const answer: Answer = (request) => {
    state.requests.push(request.mutations.map((m) => m.mutationId));
    const acks: MutationAck[] = [];
    let expectedMutationId: number | null = null;
    for (const m of request.mutations) {
      if (m.mutationId <= state.last) acks.push({ mutationId: m.mutationId, status: 'duplicate' });
      else if (m.mutationId > state.last + 1) {
        expectedMutationId = state.last + 1;
        break;
      } else {
        state.last = m.mutationId;
        acks.push(
          options.reject?.(m.mutationId)
            ? {
                mutationId: m.mutationId,
                status: 'rejected',
                code: 'VOTING_CLOSED',
                message: 'closed',
              }
            : { mutationId: m.mutationId, status: 'applied' },
        );
      }
    }
    return { ok: true, value: { acks, expectedMutationId } };
  };
  return { state, answer };
}

const TUNING: PushTuning = {
  ...DEFAULT_PUSH_TUNING,
  debounceMs: 20,
  maxDebounceMs: 100,
  ackTimeoutMs: 200,
  retry: { baseMs: 20, maxMs: 80 },
  random: () => 0.5,
};

let pushers: OutboxPusher[] = [];
afterEach(async () => {
  for (const p of pushers) await p.stop();
  pushers = [];
});

function pusherFor(h: WriteHarness, tuning: Partial<PushTuning> = {}) {
  const events = { status: 0, settled: [] as number[], auth: [] as string[] };
  const pusher = new OutboxPusher({
    outbox: h.outbox,
    activeUserId: () => h.me.id,
    onAuthFailure: (reason) => events.auth.push(reason),
    onSettled: ({ applied }) => events.settled.push(applied),
    onStatus: () => events.status++,
    now: () => h.clock.now,
    log: silentLogger,
    tuning: { ...TUNING, ...tuning },
  });
  pushers.push(pusher);
  return { pusher, events };
}

function write(h: WriteHarness, n: number): void {
  for (let i = 0; i < n; i++)
    h.comments.create({ agendaItemId: h.bundle.item.id, parentId: null, body: `Ý kiến ${i}` });
}

describe('OutboxPusher', () => {
  it('on connect pushes everything in id order, in batches, one push in flight', async () => {
    const h = writeHarness();
    write(h, 12);
    const s = server();
    const connection = fakeConnection(async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return s.answer(r);
    });
    const { pusher, events } = pusherFor(h, { batchLimit: 5 });
    pusher.online(connection);
    await eventually(() => h.outbox.counts().pending === 0);
    await pusher.idle();
    expect(s.state.requests).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
    expect(connection.maxInFlight()).toBe(1);
    expect(events.settled).toEqual([5, 5, 2]);
    expect(pusher.status()).toMatchObject({
      lastPushAt: h.clock.now,
      lastError: null,
      updateRequired: false,
    });
  });

  it('debounces writes into one push', async () => {
    const h = writeHarness();
    const s = server();
    const { pusher } = pusherFor(h);
    pusher.online(fakeConnection(s.answer));
    await pusher.idle();
    for (let i = 0; i < 5; i++) {
      write(h, 1);
      pusher.written();
    }
    await eventually(() => h.outbox.counts().pending === 0);
    expect(s.state.requests).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('a lost ack is retried with backoff and the same ids; the server answers duplicates', async () => {
    const h = writeHarness();
    write(h, 3);
    const s = server();
    let drop = 1;
    const { pusher } = pusherFor(h);
    pusher.online(
      fakeConnection((r) => {
        const answer = s.answer(r); // applied on the server…
        if (drop-- > 0) return new Promise(() => {}); // …but the ack never comes
        return answer;
      }),
    );
    await eventually(() => h.outbox.counts().pending === 0);
    expect(s.state.requests).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(pusher.status().lastError).toBeNull();
  });

  it('a refused mutation does not block the queue', async () => {
    const h = writeHarness();
    write(h, 4);
    const s = server({ reject: (id) => id === 2 });
    const { pusher } = pusherFor(h);
    pusher.online(fakeConnection(s.answer));
    await eventually(() => h.outbox.counts().pending === 0);
    expect(h.outbox.counts()).toEqual({ pending: 0, rejected: 1 });
    expect(s.state.last).toBe(4);
  });

  it('MUTATION_GAP resends from the expected id; a gap the device cannot fill stops pushing with a clear error', async () => {
    const h = writeHarness();
    write(h, 3);
    const s = server();
    const { pusher } = pusherFor(h);
    const connection = fakeConnection(s.answer);
    pusher.online(connection);
    await eventually(() => h.outbox.counts().pending === 0);
    await pusher.idle();
    // The server loses 2 and 3 (restored from a backup) while the device still has them.
    s.state.last = 1;
    write(h, 1);
    pusher.written();
    await eventually(() => s.state.last === 4);
    expect(s.state.requests.slice(1)).toEqual([[4], [2, 3, 4]]);
    // Now everything was echoed and forgotten, and the server loses everything.
    h.outbox.clearEchoed(h.outbox.ackEpoch());
    s.state.last = 0;
    write(h, 1);
    pusher.written();
    await eventually(() => pusher.status().lastError?.code === 'MUTATION_GAP');
    write(h, 1);
    pusher.written();
    await new Promise((r) => setTimeout(r, 100));
    expect(s.state.requests.at(-1)).toEqual([5]); // stalled: nothing more sent until reconnect
    expect(h.outbox.counts().pending).toBe(2);
  });

  it('an error ack is retried; PROTOCOL_UNSUPPORTED and expired tokens stop it with a clear state', async () => {
    const h = writeHarness();
    write(h, 1);
    const s = server();
    let refusals = 2;
    const { pusher, events } = pusherFor(h);
    pusher.online(
      fakeConnection((r) =>
        refusals-- > 0
          ? { ok: false, error: { code: 'INTERNAL', message: 'db down' } }
          : s.answer(r),
      ),
    );
    await eventually(() => h.outbox.counts().pending === 0);
    expect(s.state.requests).toEqual([[1]]);

    write(h, 1);
    pusher.online(
      fakeConnection(() => ({
        ok: false,
        error: { code: 'PROTOCOL_UNSUPPORTED', message: 'old' },
      })),
    );
    await eventually(() => pusher.status().updateRequired);
    expect(pusher.status().lastError?.code).toBe('PROTOCOL_UNSUPPORTED');
    pusher.online(
      fakeConnection(() => ({ ok: false, error: { code: 'TOKEN_REVOKED', message: 'revoked' } })),
    );
    expect(pusher.status().updateRequired).toBe(false);
    await eventually(() => events.auth.length === 1);
    expect(events.auth).toEqual(['revoked']);
    expect(h.outbox.counts().pending).toBe(1);
  });

  it('never sends another user’s outbox', async () => {
    const h = writeHarness();
    write(h, 1);
    const s = server();
    const pusher = new OutboxPusher({
      outbox: h.outbox,
      activeUserId: () => 'someone-else',
      onAuthFailure: () => {},
      onSettled: () => {},
      onStatus: () => {},
      now: () => 0,
      log: silentLogger,
      tuning: TUNING,
    });
    pushers.push(pusher);
    pusher.online(fakeConnection(s.answer));
    await pusher.idle();
    expect(s.state.requests).toEqual([]);
  });
});
