// `npm run bench -- sync`: down-sync benchmarks of the client core against the reference server.
// One JSON line per scenario on stdout (everything else on stderr):
//   sync.initial      first sync of a ≥ 60-paper, ≥ 300 MB meeting into the encrypted cache, vs.
//                     plain sequential fetch() GETs of the same blobs (same server, same auth)
//   sync.incremental  200 single-field changes on the server until the replica shows each:
//                     p50/p99 latency and bytes on the wire per change (through a TCP proxy)
//   sync.resume       every connection cut once half the pack has gone down, then restored:
//                     bytes fetched twice as a fraction of the pack
// The server runs in a child process (syncBenchServer.ts): like a real deployment, it does not
// share the client's event loop. Exits 0 when every scenario ran, whatever the figures; 1 on
// an error. SYNC_BENCH_ONLY=initial,incremental,resume picks scenarios (for profiling).
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DownloadProgress } from '../../shared/domain/offline.ts';
import type { LoginResponse } from '../../shared/protocol/auth.ts';
import { ADMIN_ROUTES, type AgendaItemInput } from '../../shared/protocol/admin.ts';
import { ROUTES } from '../../shared/protocol/http.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { startCore, type CoreHarness } from '../support/coreHarness.ts';
import { writeMeetingPack, type WrittenMeetingPack } from '../support/meetingPack.ts';
import { startTcpProxy } from '../support/tcpProxy.ts';
import type { BenchAccount, ReadyMessage, ServerReply, ServerRequest } from './syncBenchServer.ts';

const PACK_COUNT = 60;
/** 300 MiB: "at least 300 MB" either way. */
const PACK_BYTES = 300 * 1024 * 1024;
const AGENDA_ITEMS = 10;
/** sync.initial alternates baseline and core this many times and keeps each side's best. */
const INITIAL_ROUNDS = 5;
const CHANGES = 200;
const MB = 1_000_000;
/** Upper bounds per step, so a regression fails the run instead of hanging it; ms. */
const SYNC_TIMEOUT_MS = 180_000;
const CHANGE_TIMEOUT_MS = 10_000;

/** `SYNC_BENCH_ONLY=initial,resume` runs only those scenarios (profiling); default: all. */
const only = process.env['SYNC_BENCH_ONLY']?.split(',').map((s) => s.trim()) ?? [];
const wanted = (scenario: string): boolean => only.length === 0 || only.includes(scenario);

const log = (message: string): void => {
  process.stderr.write(`[sync.bench] ${message}\n`);
};
const report = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));
const round1 = (value: number | undefined): number => round(value ?? Number.NaN, 1);

// ---------------------------------------------------------------------------------------------
// The server child process

interface BenchServer {
  url: string;
  port: number;
  accounts: ReadyMessage['accounts'];
  request(request: DistributiveOmit<ServerRequest, 'id'>): Promise<unknown>;
  /** CPU time the server process has used so far, s. */
  cpuSeconds(): Promise<number>;
  close(): Promise<void>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function startBenchServer(): Promise<BenchServer> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'syncBenchServer.ts'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  child.stdout?.pipe(process.stderr);
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      for (const waiter of pending.values())
        waiter.reject(new Error(`bench server exited (${code})`));
      pending.clear();
      resolve();
    }),
  );
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.on('message', (message: ReadyMessage | ServerReply) => {
      if ('type' in message) {
        resolve(message);
        return;
      }
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(`bench server: ${message.error}`));
    });
  });
  const request = (body: DistributiveOmit<ServerRequest, 'id'>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null) {
        reject(new Error('bench server has exited'));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const message: ServerRequest = { ...body, id };
      child.send(message);
    });
  return {
    url: ready.url,
    port: ready.port,
    accounts: ready.accounts,
    request,
    cpuSeconds: async () => {
      const usage = (await request({ op: 'cpuUsage' })) as NodeJS.CpuUsage;
      return (usage.user + usage.system) / 1e6;
    },
    close: async () => {
      if (child.exitCode === null && child.connected) await request({ op: 'close' });
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding through the admin HTTP API, as the secretariat would

async function api(
  server: { url: string },
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const isBytes = body instanceof Uint8Array;
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined || isBytes ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : isBytes ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text === '' ? null : (JSON.parse(text) as unknown);
}

async function login(server: { url: string }, account: BenchAccount): Promise<string> {
  const body = (await api(server, 'POST', ROUTES.login, null, {
    username: account.username,
    password: account.password,
    deviceId: randomUUID(),
    deviceName: 'bench',
    protocolVersion: PROTOCOL_VERSION,
  })) as LoginResponse;
  return body.token;
}

interface SeededMeeting {
  meetingId: string;
  agenda: Required<AgendaItemInput>[];
  documentIds: string[];
}

/** A published meeting: AGENDA_ITEMS items, one paper per pack file, the member invited. */
async function seedMeeting(
  server: BenchServer,
  pack: WrittenMeetingPack,
  staffToken: string,
): Promise<SeededMeeting> {
  const meetingId = randomUUID();
  await api(server, 'POST', ADMIN_ROUTES.meetings, staffToken, {
    id: meetingId,
    title: 'Phiên họp Chính phủ thường kỳ (benchmark)',
    kind: 'regular',
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T10:00:00.000Z',
    location: 'Hà Nội',
  });
  const agenda = Array.from({ length: AGENDA_ITEMS }, (_, i) => ({
    id: randomUUID(),
    position: i + 1,
    title: `Nội dung ${i + 1}`,
    presenter: 'Bộ Tư pháp',
    startsAt: null,
    durationMinutes: 30,
    summary: '',
  }));
  await api(server, 'PUT', ADMIN_ROUTES.agenda(meetingId), staffToken, { items: agenda });
  const documentIds = pack.files.map(() => randomUUID());
  // Four uploads at a time; each streams to the server's temp file, is inspected and stored.
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < pack.files.length; i = next++) {
      const file = pack.files[i];
      const documentId = documentIds[i];
      if (file === undefined || documentId === undefined) continue;
      await api(server, 'POST', ADMIN_ROUTES.documents(meetingId), staffToken, {
        id: documentId,
        agendaItemId: agenda[i % AGENDA_ITEMS]?.id ?? null,
        title: `Tờ trình ${i + 1}`,
        kind: 'submission',
      });
      await api(
        server,
        'POST',
        ADMIN_ROUTES.versions(documentId, file.name),
        staffToken,
        await readFile(file.path),
        { 'content-type': 'application/pdf' },
      );
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await api(server, 'PUT', ADMIN_ROUTES.participants(meetingId), staffToken, {
    participants: [{ userId: server.accounts.member.userId, role: 'member', mayVote: true }],
  });
  await api(server, 'POST', ADMIN_ROUTES.publish(meetingId), staffToken, {});
  return { meetingId, agenda, documentIds };
}

// ---------------------------------------------------------------------------------------------
// Client-side helpers

/** A core with production tuning, pointed at `serverUrl`. */
function productionCore(serverUrl: string): CoreHarness {
  return startCore({ serverUrl, tuning: {} });
}

/** Resolves once every listed paper has reported `complete`; rejects on a `failed` one. */
function allComplete(
  h: CoreHarness,
  documentIds: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const waiting = new Set(documentIds);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${waiting.size} papers not complete within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = h.core.events.on('download:progress', (p: DownloadProgress) => {
      if (p.download.state === 'complete') waiting.delete(p.documentId);
      if (waiting.size === 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

/** Signs the member in and waits until the meeting has arrived in the replica. */
async function signInAndSync(
  h: CoreHarness,
  member: BenchAccount,
  meetingId: string,
): Promise<void> {
  const synced = h.waitFor(
    'connection:state',
    (s) => s.state === 'online' && s.lastSyncedAt !== null,
    SYNC_TIMEOUT_MS,
  );
  await h.call('session:login', { username: member.username, password: member.password });
  await synced;
  const { meetings } = await h.call('meetings:list', {});
  if (!meetings.some((m) => m.meeting.id === meetingId))
    throw new Error('the meeting did not sync');
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** Plain sequential GETs of every blob with the member's token, each body read to the end. */
async function baselineGets(server: BenchServer, pack: WrittenMeetingPack): Promise<number> {
  const token = await login(server, server.accounts.member);
  const started = performance.now();
  for (const file of pack.files) {
    const res = await fetch(server.url + ROUTES.blob(file.sha256), {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200 || !res.body) throw new Error(`baseline GET: HTTP ${res.status}`);
    const reader = res.body.getReader();
    let received = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read())
      received += next.value.byteLength;
    if (received !== file.size) throw new Error(`baseline GET: ${received} of ${file.size} bytes`);
  }
  return (performance.now() - started) / 1000;
}

/** A first sync on a new device: login, pull, documents:download, every paper complete. */
async function firstSync(
  server: BenchServer,
  pack: WrittenMeetingPack,
  seeded: SeededMeeting,
): Promise<number> {
  const h = productionCore(server.url);
  try {
    const started = performance.now();
    await signInAndSync(h, server.accounts.member, seeded.meetingId);
    const done = allComplete(h, seeded.documentIds, SYNC_TIMEOUT_MS);
    await h.call('documents:download', { meetingId: seeded.meetingId });
    await done;
    const seconds = (performance.now() - started) / 1000;
    const { meetings } = await h.call('meetings:list', {});
    const offline = meetings.find((m) => m.meeting.id === seeded.meetingId)?.offline;
    if (offline?.state !== 'complete' || offline.cachedBytes !== pack.totalBytes)
      throw new Error(`meeting not complete offline: ${JSON.stringify(offline)}`);
    return seconds;
  } finally {
    await h.dispose();
  }
}

/**
 * Baseline and core alternate for INITIAL_ROUNDS rounds; each side's best round counts (the
 * least disturbed by whatever else the machine runs: both processes share its cores).
 */
async function scenarioInitial(
  server: BenchServer,
  pack: WrittenMeetingPack,
  seeded: SeededMeeting,
): Promise<void> {
  const mb = pack.totalBytes / MB;
  const baseline: number[] = [];
  const core: number[] = [];
  /** Runs `fn` (which returns its own seconds) and describes it with the CPU both sides used. */
  const run = async (fn: () => Promise<number>, into: number[]): Promise<string> => {
    const client0 = process.cpuUsage();
    const server0 = await server.cpuSeconds();
    const seconds = await fn();
    const client = process.cpuUsage(client0);
    const serverCpu = (await server.cpuSeconds()) - server0;
    into.push(mb / seconds);
    return (
      `${round1(mb / seconds)} MB/s (CPU s: client ${round1((client.user + client.system) / 1e6)}, ` +
      `server ${round1(serverCpu)})`
    );
  };
  for (let r = 1; r <= INITIAL_ROUNDS; r++) {
    const b = await run(() => baselineGets(server, pack), baseline);
    const c = await run(() => firstSync(server, pack, seeded), core);
    log(`sync.initial round ${r}: core ${c}, baseline ${b}`);
  }
  const mbPerS = Math.max(...core);
  const baselineMbPerS = Math.max(...baseline);
  report({
    scenario: 'sync.initial',
    mb: round(mb, 1),
    seconds: round(mb / mbPerS),
    mb_per_s: round(mbPerS, 1),
    baseline_mb_per_s: round(baselineMbPerS, 1),
    ratio: round(mbPerS / baselineMbPerS),
  });
}

async function scenarioIncremental(server: BenchServer, seeded: SeededMeeting): Promise<void> {
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: server.port });
  const h = productionCore(proxy.url);
  try {
    await signInAndSync(h, server.accounts.member, seeded.meetingId);
    // Let the connection settle (login response, handshake, first pull) before counting.
    await new Promise((r) => setTimeout(r, 200));
    const agenda = seeded.agenda.map((item) => ({ ...item }));
    const latencies: number[] = [];
    const before = proxy.bytes();
    log(`sync.incremental: ${CHANGES} agenda-title changes`);
    for (let i = 0; i < CHANGES; i++) {
      const item = agenda[i % agenda.length];
      if (item === undefined) throw new Error('empty agenda');
      item.title = `Nội dung ${item.position} — sửa lần ${i + 1}`;
      const title = item.title;
      const seen = h.waitFor(
        'sync:applied',
        (e) => e.entities.includes('agendaItem'),
        CHANGE_TIMEOUT_MS,
      );
      const started = performance.now();
      await server.request({ op: 'setAgenda', meetingId: seeded.meetingId, items: agenda });
      await seen;
      const detail = await h.call('meetings:get', { meetingId: seeded.meetingId });
      const shown = detail.items.find((entry) => entry.item.id === item.id)?.item.title;
      if (shown !== title) throw new Error(`change ${i + 1}: replica shows ${shown}`);
      latencies.push(performance.now() - started);
    }
    const after = proxy.bytes();
    latencies.sort((a, b) => a - b);
    const wire = after.up - before.up + (after.down - before.down);
    report({
      scenario: 'sync.incremental',
      changes: CHANGES,
      p50_ms: round(percentile(latencies, 50), 1),
      p99_ms: round(percentile(latencies, 99), 1),
      bytes_per_change: Math.round(wire / CHANGES),
    });
  } finally {
    await h.dispose();
    await proxy.close();
  }
}

async function scenarioResume(
  server: BenchServer,
  pack: WrittenMeetingPack,
  seeded: SeededMeeting,
): Promise<void> {
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: server.port });
  const h = productionCore(proxy.url);
  try {
    await signInAndSync(h, server.accounts.member, seeded.meetingId);
    const downBefore = proxy.connections().map((c) => c.down);
    let cutDone = false;
    const cut = proxy.dropAllAfter(Math.ceil(pack.totalBytes / 2)).then(() => {
      cutDone = true;
      // The network is down for a moment, then back.
      proxy.setDown(true);
      log('sync.resume: connections cut at 50 % of the pack');
      return new Promise<void>((r) =>
        setTimeout(() => {
          proxy.setDown(false);
          r();
        }, 500),
      );
    });
    const done = allComplete(h, seeded.documentIds, SYNC_TIMEOUT_MS);
    await h.call('documents:download', { meetingId: seeded.meetingId });
    await done;
    if (!cutDone) throw new Error('the download completed without the cut');
    await cut;
    // Bytes of blob transfers: every HTTP connection opened for the download (not socket.io).
    // (undici keeps connections alive: the login's connection may carry blobs too.)
    const blobBytes = proxy
      .connections()
      .map((c, i) => ({ ...c, down: c.down - (downBefore[i] ?? 0) }))
      .filter((c) => !c.requestLine.includes('/socket.io/'))
      .reduce((sum, c) => sum + c.down, 0);
    log(`sync.resume: ${blobBytes} bytes of blob transfers for a ${pack.totalBytes}-byte pack`);
    report({
      scenario: 'sync.resume',
      refetched_fraction: round((blobBytes - pack.totalBytes) / pack.totalBytes, 4),
    });
  } finally {
    await h.dispose();
    await proxy.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = performance.now();
  const server = await startBenchServer();
  let pack: WrittenMeetingPack | null = null;
  try {
    pack = await writeMeetingPack({
      count: PACK_COUNT,
      totalBytes: PACK_BYTES,
      seed: 'sync-bench',
    });
    log(`pack: ${pack.files.length} PDFs, ${round(pack.totalBytes / MB, 1)} MB in ${pack.dir}`);
    const seedStarted = performance.now();
    const staffToken = await login(server, server.accounts.secretariat);
    const seeded = await seedMeeting(server, pack, staffToken);
    log(`seeded through the admin API in ${round((performance.now() - seedStarted) / 1000, 1)} s`);

    if (wanted('initial')) await scenarioInitial(server, pack, seeded);
    if (wanted('incremental')) await scenarioIncremental(server, seeded);
    if (wanted('resume')) await scenarioResume(server, pack, seeded);
  } finally {
    await server.close();
    if (pack) await rm(pack.dir, { recursive: true, force: true });
    log(`done in ${round((performance.now() - startedAt) / 1000, 1)} s`);
  }
}

try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
