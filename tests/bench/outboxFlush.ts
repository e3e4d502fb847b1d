// Outbox flush benchmark helper (issue "Write path"): 10,000 comments written through the real
// client core while its link to the server is down, then the link comes back and the clock runs
// until the outbox is empty (every mutation acknowledged by the server, PGlite, in-process).
// Baseline, same run: the same push payloads (the batches the core sent, same sizes, one in
// flight) as raw socket.io acknowledged emits to a trivial handler on a plain socket.io server.
// per_s = mutations / seconds; ratio = per_s / baseline_per_s. Progress goes to stderr.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server as IoServer } from 'socket.io';
import { io } from 'socket.io-client';
import { MAX_PUSH_BATCH, type PushRequest } from '../../shared/protocol/push.ts';
import { startHarness } from '../integration/server/support/harness.ts';
import { createWriteMeeting } from '../integration/server/support/writeFixture.ts';
import { eventually, FAST_TUNING, startCore } from '../support/coreHarness.ts';
import { startTcpProxy } from '../support/tcpProxy.ts';

export interface OutboxFlushFigures {
  scenario: 'outbox.flush';
  mutations: number;
  per_s: number;
  baseline_per_s: number;
  ratio: number;
  /** From the link coming back to the empty outbox; ms. */
  flush_ms: number;
  /** Of which: until the core was online again (reconnect backoff and handshake); ms. */
  reconnect_ms: number;
  pushes: number;
  baseline_ms: number;
}

const MUTATIONS = 10_000;
const round1 = (x: number): number => Number(x.toFixed(1));
const log = (line: string): void => void process.stderr.write(`[outbox.flush] ${line}\n`);

export async function benchOutboxFlush(): Promise<OutboxFlushFigures> {
  // 1. The server (PGlite) with a meeting, and one member's device behind a proxy.
  const h = await startHarness();
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: h.server.port });
  const core = startCore({
    serverUrl: proxy.url,
    tuning: {
      ...FAST_TUNING,
      push: { debounceMs: 10, maxDebounceMs: 50, ackTimeoutMs: 60_000 },
    },
  });
  const pushes: PushRequest[] = [];
  try {
    const m = await createWriteMeeting(h, { people: [{ role: 'chair' }] });
    const account = m.accounts[0]!;
    await core.call('session:login', { username: account.user.username, password: account.password });
    await core.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);

    // 2. Offline: 10,000 comments queued (not timed).
    proxy.setDown(true);
    await core.waitFor('connection:state', (s) => s.state === 'offline');
    const itemId = m.itemIds[0]!;
    const t0 = performance.now();
    for (let i = 0; i < MUTATIONS; i++)
      await core.call('comments:create', {
        agendaItemId: itemId,
        parentId: null,
        body: `Ý kiến số ${i}: đề nghị bổ sung số liệu năm 2025 vào Điều ${i % 40}.`,
      });
    log(`queued ${MUTATIONS} in ${Math.round(performance.now() - t0)} ms`);
    if ((await core.call('outbox:status', {})).pending !== MUTATIONS)
      throw new Error('not everything was queued');

    // 3. The link comes back: time until the outbox is empty.
    const start = performance.now();
    let onlineAt = 0;
    void core
      .waitFor('connection:state', (s) => s.state === 'online', 60_000)
      .then(() => (onlineAt = performance.now()));
    proxy.setDown(false);
    await eventually(async () => (await core.call('outbox:status', {})).pending === 0, 120_000, 5);
    const flushMs = performance.now() - start;
    const status = await core.call('outbox:status', {});
    if (status.rejected.length > 0) throw new Error(`${status.rejected.length} refused`);
    // The core pushes batches of MAX_PUSH_BATCH (500) envelopes, one in flight.
    const perPush = Math.ceil(MUTATIONS / MAX_PUSH_BATCH);
    log(`flushed in ${Math.round(flushMs)} ms (online after ${Math.round(onlineAt - start)} ms)`);

    // 4. Baseline: the same payloads (rebuilt: same envelopes, same batches), raw acknowledged
    // emits, one in flight.
    const clientId = randomUUID();
    for (let b = 0; b < perPush; b++)
      pushes.push({
        clientId,
        mutations: Array.from(
          { length: Math.min(MAX_PUSH_BATCH, MUTATIONS - b * MAX_PUSH_BATCH) },
          (_, j) => {
          const i = b * MAX_PUSH_BATCH + j;
          return {
            mutationId: i + 1,
            kind: 'comment.create',
            args: {
              id: randomUUID(),
              agendaItemId: itemId,
              parentId: null,
              body: `Ý kiến số ${i}: đề nghị bổ sung số liệu năm 2025 vào Điều ${i % 40}.`,
            },
            clientTime: Date.now(),
          };
        },
        ),
      });
    const baselineMs = await rawBaseline(pushes);
    log(`baseline ${Math.round(baselineMs)} ms`);
    const perS = MUTATIONS / (flushMs / 1000);
    const baselinePerS = MUTATIONS / (baselineMs / 1000);
    return {
      scenario: 'outbox.flush',
      mutations: MUTATIONS,
      per_s: round1(perS),
      baseline_per_s: round1(baselinePerS),
      ratio: Number((perS / baselinePerS).toFixed(4)),
      flush_ms: round1(flushMs),
      reconnect_ms: round1(onlineAt - start),
      pushes: perPush,
      baseline_ms: round1(baselineMs),
    };
  } finally {
    await core.dispose();
    await proxy.close();
    await h.close();
  }
}

/** Raw socket.io: the same push payloads to a handler that only acks; ms for all of them. */
async function rawBaseline(pushes: PushRequest[]): Promise<number> {
  const http = createServer();
  const ioServer = new IoServer(http, { maxHttpBufferSize: 1e6 });
  ioServer.on('connection', (socket) => {
    socket.on('push', (payload: PushRequest, ack: (r: unknown) => void) =>
      ack({ ok: true, value: { acked: payload.mutations.length } }),
    );
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  try {
    const start = performance.now();
    for (const push of pushes) await client.timeout(60_000).emitWithAck('push', push);
    return performance.now() - start;
  } finally {
    client.close();
    await ioServer.close();
  }
}
