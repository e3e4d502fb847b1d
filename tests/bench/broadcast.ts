// Broadcast benchmark helper: how long until 1,000 connected devices have a vote the secretariat
// just opened, against a raw socket.io room broadcast to the same 1,000 sockets in the same run.
//
// "Have it" (the figure in p50_ms / p99_ms): the device holds the new vote — what a real device
// needs before it can show it. A device does what the app's SyncEngine does with a `news`: it
// validates it with the shared schema, and when the news carries its commit's entries right
// after the device's cursor (electron/core/sync/inlinedPage.ts) takes them without a pull;
// otherwise (a hint only, a cursor that is not `prevSeq`, a pull running) it pulls until the
// page with the vote. inline_share reports the fraction of devices that had it without a pull.
// The time of the news alone is reported too (news_p50_ms / news_p99_ms): the baseline is only
// a room emit, with no database behind it. Latencies are per device, from the moment the secretariat's `vote:open` is
// emitted (or the raw broadcast requested) to that device's event, ms, pooled over ROUNDS rounds.
//
// The server is a child process (broadcastServer.ts); the 1,000 socket.io-client connections
// (websocket transport) live in this process, 4 devices per member account (250 members).
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { inlinedPage } from '../../electron/core/sync/inlinedPage.ts';
import type { Change } from '../../shared/protocol/changes.ts';
import { SECRETARIAT_EVENTS } from '../../shared/protocol/secretariat.ts';
import { newsSchema, type PullResponse } from '../../shared/protocol/socket.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { CABINET_RULES } from '../../shared/rules/ruleSet.ts';
import type { Result } from '../../shared/util/result.ts';
import type {
  BenchDevice,
  BroadcastReady,
  BroadcastReply,
  BroadcastRequest,
} from './broadcastServer.ts';

export interface BroadcastFigures {
  scenario: 'broadcast.vote_opened';
  clients: number;
  /** The device holds the vote (from the news itself, or from the pull it led to); ms. */
  p50_ms: number;
  p99_ms: number;
  /** Raw socket.io room broadcast to the same clients; ms. */
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  /** p99_ms / baseline_p99_ms. */
  ratio: number;
  /** The news hint alone; ms. */
  news_p50_ms: number;
  news_p99_ms: number;
  /** news_p99_ms / baseline_p99_ms. */
  news_ratio: number;
  /** Fraction of (device, round) samples that had the vote from the news, without a pull. */
  inline_share: number;
  rounds: number;
  definition: string;
}

/** Rounds of each kind (vote opened / raw broadcast), interleaved; samples are pooled. */
const ROUNDS = 5;
/** Connections opened at once while connecting the devices. */
const CONNECT_BATCH = 50;
/** Upper bound for one round, so a regression fails the run instead of hanging it; ms. */
const ROUND_TIMEOUT_MS = 120_000;

const round3 = (value: number): number => Number(value.toFixed(3));

/** Nearest-rank percentile of `values` (not empty). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

interface Waiter {
  voteId: string;
  t0: number;
  news: number | null;
  have: number | null;
  /** The vote came with the news (no pull). */
  inline: boolean;
}

/**
 * One simulated device: keeps a cursor; applies a news carrying the entries right after it,
 * pulls on any other news (one pull at a time).
 */
class Device {
  readonly socket: Socket;
  private cursor: number;
  private pulling = false;
  private again = false;
  waiter: Waiter | null = null;
  raw = new Map<number, number>();

  constructor(socket: Socket, cursor: number) {
    this.socket = socket;
    this.cursor = cursor;
    socket.on('news', (payload: unknown) => {
      const w = this.waiter;
      if (w !== null && w.news === null) w.news = performance.now() - w.t0;
      const news = newsSchema.safeParse(payload);
      if (news.success && news.data.seq <= this.cursor) return;
      const page = news.success && !this.pulling ? inlinedPage(news.data, this.cursor) : null;
      if (page !== null) {
        this.cursor = page.cursor;
        if (w !== null && w.have === null) w.inline = true;
        this.seen(page.changes);
        return;
      }
      // Pull after the I/O callbacks already due: the 1,000 devices share this event loop, and
      // one device sending its pull must not delay the others' receipt of the hint (on real
      // devices it could not).
      setImmediate(() => void this.sync());
    });
    socket.on('bench:raw', (payload: { n: number }) => this.raw.set(payload.n, performance.now()));
  }

  private async sync(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.again = false;
        for (;;) {
          const result = (await this.socket
            .timeout(ROUND_TIMEOUT_MS)
            .emitWithAck('pull', { since: this.cursor, limit: 1000 })) as Result<PullResponse>;
          if (!result.ok) throw new Error(`pull refused: ${result.error.code}`);
          this.cursor = result.value.cursor;
          this.seen(result.value.changes);
          if (!result.value.hasMore) break;
        }
      } while (this.again);
    } finally {
      this.pulling = false;
    }
  }

  private seen(changes: Change[]): void {
    const w = this.waiter;
    if (w === null || w.have !== null) return;
    if (changes.some((c) => c.op === 'upsert' && c.entity === 'vote' && c.data.id === w.voteId))
      w.have = performance.now() - w.t0;
  }
}

function connectDevice(url: string, device: BenchDevice): Promise<Socket> {
  const socket = io(url, {
    auth: { token: device.token, protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + ROUND_TIMEOUT_MS;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface Child {
  ready: BroadcastReady;
  send(request: BroadcastRequest): void;
  stop(): Promise<void>;
}

async function startChild(): Promise<Child> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'broadcastServer.ts'), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<BroadcastReady>((resolve, reject) => {
    child.on('message', (message: BroadcastReply) => {
      if (message.type === 'ready') resolve(message);
    });
    void exited.then(() => reject(new Error('broadcast server exited before it was ready')));
  });
  return {
    ready,
    send: (request) => child.send(request),
    stop: async () => {
      if (child.connected) child.send({ op: 'close' } satisfies BroadcastRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Runs the scenario and returns its figures (one JSON-able object). Target: ratio ≤ 1.5.
 */
export async function benchBroadcastVoteOpened(): Promise<BroadcastFigures> {
  const child = await startChild();
  const { url, meetingId, itemId, head, staff: staffDevice, devices: credentials } = child.ready;
  const devices: Device[] = [];
  let staff: Socket | null = null;
  try {
    for (let i = 0; i < credentials.length; i += CONNECT_BATCH) {
      const batch = credentials.slice(i, i + CONNECT_BATCH);
      const sockets = await Promise.all(batch.map((c) => connectDevice(url, c)));
      for (const socket of sockets) devices.push(new Device(socket, head));
    }
    staff = await connectDevice(url, staffDevice);
    const secretariat = staff;

    let n = 0;
    const rawRound = async (): Promise<number[]> => {
      n += 1;
      const id = n;
      const t0 = performance.now();
      child.send({ op: 'raw', n: id });
      await until(() => devices.every((d) => d.raw.has(id)), `raw broadcast ${id}`);
      return devices.map((d) => (d.raw.get(id) ?? Number.NaN) - t0);
    };
    const voteRound = async (): Promise<{ news: number[]; have: number[]; inline: number }> => {
      const voteId = randomUUID();
      const t0 = performance.now();
      for (const d of devices) d.waiter = { voteId, t0, news: null, have: null, inline: false };
      const ack = (await secretariat
        .timeout(ROUND_TIMEOUT_MS)
        .emitWithAck(SECRETARIAT_EVENTS.voteOpen, {
          voteId,
          meetingId,
          agendaItemId: itemId,
          question: 'Thông qua dự thảo?',
          ruleSetId: CABINET_RULES.id,
        })) as Result<unknown>;
      if (!ack.ok) throw new Error(`vote:open refused: ${ack.error.code}`);
      await until(() => devices.every((d) => d.waiter?.have != null), `vote ${voteId}`);
      return {
        news: devices.map((d) => d.waiter?.news ?? Number.NaN),
        have: devices.map((d) => d.waiter?.have ?? Number.NaN),
        inline: devices.filter((d) => d.waiter?.inline === true).length,
      };
    };

    // Warm-up: every socket is in the meeting room (joined right after connecting) and every
    // code path has run once.
    await rawRound();
    await voteRound();

    const baseline: number[] = [];
    const news: number[] = [];
    const have: number[] = [];
    let inline = 0;
    for (let r = 0; r < ROUNDS; r += 1) {
      baseline.push(...(await rawRound()));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const round = await voteRound();
      news.push(...round.news);
      have.push(...round.have);
      inline += round.inline;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const p99 = percentile(have, 99);
    const baselineP99 = percentile(baseline, 99);
    const newsP99 = percentile(news, 99);
    return {
      scenario: 'broadcast.vote_opened',
      clients: devices.length,
      p50_ms: round3(percentile(have, 50)),
      p99_ms: round3(p99),
      baseline_p50_ms: round3(percentile(baseline, 50)),
      baseline_p99_ms: round3(baselineP99),
      ratio: round3(p99 / baselineP99),
      news_p50_ms: round3(percentile(news, 50)),
      news_p99_ms: round3(newsP99),
      news_ratio: round3(newsP99 / baselineP99),
      inline_share: round3(inline / have.length),
      rounds: ROUNDS,
      definition: 'device holds the vote: from the validated news, or from the pull it led to',
    };
  } finally {
    staff?.close();
    for (const d of devices) d.socket.close();
    await child.stop();
  }
}
