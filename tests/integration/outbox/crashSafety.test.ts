import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeySealer } from '../../../electron/core/crypto/fileKeySealer.ts';
import { FieldCipher } from '../../../electron/core/crypto/FieldCipher.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { fold } from '../../../electron/core/outbox/localMutation.ts';
import {
  openMutation,
  queuedFor,
  readRow,
  type StoreContext,
} from '../../../electron/core/outbox/overlay.ts';
import {
  parseTargetKey,
  targetKey,
  WRITE_TABLE_NAMES,
} from '../../../electron/core/outbox/writeTables.ts';
import { ensureDeviceIdentity } from '../../../electron/core/session/deviceIdentity.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';
import { applyChanges } from '../../../electron/core/sync/applyChanges.ts';
import type { Vote } from '../../../shared/domain/vote.ts';
import { prng, type CrashFixture } from '../../support/crashFixture.ts';
import { ChangeLog, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

/**
 * SIGKILL at random points of durable local writes (security.md "Faults it survives"): a child
 * process writes through the real outbox in a loop and prints `ACK <id>` after each commit; it
 * is killed after a random number of acks or a random delay, at least 300 times over a few
 * parallel lanes (one store each). After each kill the store must open and pass SQLite's
 * integrity check, hold every acknowledged write, have outbox ids 1…N with no gap, and have
 * nothing half-written: a replica row exists iff outbox rows target it, and shows exactly the
 * fold of those rows. Seed: CRASH_SEED=<n> replays a run.
 */
const LANES = 4;
const ITERATIONS_PER_LANE = 80;
const SEED = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const WRITER_SOURCE = join(import.meta.dirname, '../../support/outboxCrashWriter.ts');

let work: string;
/** The child script: bundled into one file when a bundler is at hand (≈5× faster start-up). */
let writer = WRITER_SOURCE;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ecabinet-crash-'));
  try {
    // rolldown comes with vite; bundling is only a start-up optimisation of the child.
    const { build } = await import('rolldown');
    const file = join(work, 'outboxCrashWriter.mjs');
    await build({
      input: WRITER_SOURCE,
      platform: 'node',
      output: { file, format: 'esm' },
      logLevel: 'silent',
    });
    writer = file;
  } catch (error) {
    console.log(`crash safety: running the writer unbundled (${String(error)})`);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Lane {
  dir: string;
  fixture: CrashFixture;
  /** Highest mutation id known committed (acknowledged, or found in the store). */
  committed: number;
  /** Kills that landed after a commit and before its ack was printed. */
  unacked: number;
}

function seedLane(index: number): Lane {
  const dir = join(work, `lane-${index}`);
  const db = openDatabase(dir);
  const identity = ensureDeviceIdentity(db, fileKeySealer(join(dir, 'keys')), silentLogger);
  const user = makeUser();
  const log = new ChangeLog();
  const bundle = meetingBundle(log, user);
  const meeting = {
    ...bundle.meeting,
    startsAt: '2099-01-01T00:00:00.000Z',
    endsAt: '2099-01-01T03:00:00.000Z',
  };
  const vote: Vote = {
    id: randomUUID(),
    meetingId: meeting.id,
    agendaItemId: bundle.item.id,
    question: 'Biểu quyết',
    ruleSetId: 'vn.cabinet.2015',
    status: 'open',
    openedAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    counts: { for: 0, against: 0, abstain: 0 },
    result: null,
  };
  applyChanges(
    db,
    new FieldCipher(identity.dataKey),
    [...bundle.changes, log.upsert('meeting', meeting), log.upsert('vote', vote)],
    log.last,
  );
  db.close();
  return {
    dir,
    fixture: { user, meetingId: meeting.id, agendaItemId: bundle.item.id, voteId: vote.id },
    committed: 0,
    unacked: 0,
  };
}

/** Runs the writer and kills it: after `acks` acknowledged writes, or `delayMs` after it is ready. */
function runAndKill(
  lane: Lane,
  seed: number,
  kill: { acks: number } | { delayMs: number },
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [writer, lane.dir, String(seed), JSON.stringify(lane.fixture)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let killed = false;
    let scheduled = false;
    const killNow = (): void => {
      if (!killed) child.kill('SIGKILL');
      killed = true;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killed || scheduled || !out.includes('READY')) return;
      if ('delayMs' in kill) {
        scheduled = true;
        setTimeout(killNow, kill.delayMs);
      } else if ((out.match(/^ACK /gm)?.length ?? 0) >= kill.acks) killNow();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': every byte the child printed has been read by then.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL')
        return reject(new Error(`writer exited by itself (${code}): ${err}`));
      resolve([...out.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1])));
    });
  });
}

/** Opens the store after a kill and checks every invariant; returns the highest committed id. */
function verify(lane: Lane, acked: number[]): number {
  const db = openDatabase(lane.dir);
  try {
    expect(db.prepare('PRAGMA integrity_check').get()?.['integrity_check']).toBe('ok');
    const identity = ensureDeviceIdentity(db, fileKeySealer(join(lane.dir, 'keys')), silentLogger);
    const ctx: StoreContext = { db, cipher: new FieldCipher(identity.dataKey), log: silentLogger };
    const ids = db
      .prepare('SELECT mutation_id, kind, args, target FROM outbox ORDER BY mutation_id')
      .all();
    const n = ids.length;
    // Contiguous 1…N, N = the allocated counter, nothing acknowledged (no server).
    expect(ids.map((r) => r['mutation_id'])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const client = db
      .prepare('SELECT last_mutation_id, acked_through, user_id FROM outbox_client')
      .get();
    expect(client?.['last_mutation_id'] ?? 0).toBe(n);
    expect(client?.['acked_through'] ?? 0).toBe(0);
    // Every acknowledged write is there; this run's acks follow on from what was committed;
    // at most one write committed without its ack being printed.
    expect(acked).toEqual(Array.from({ length: acked.length }, (_, i) => lane.committed + 1 + i));
    const floor = lane.committed + acked.length;
    expect(n === floor || n === floor + 1).toBe(true);
    if (n === floor + 1) lane.unacked++;
    // Nothing half-written: the rows of the write tables are exactly the outbox's targets (no
    // server record exists here), and each row a new mutation touched shows exactly the fold of
    // its queued mutations (older rows were checked after earlier kills and are unchanged).
    const targets = new Set(ids.map((r) => String(r['target'])));
    const present = new Set<string>();
    for (const table of WRITE_TABLE_NAMES)
      for (const row of db
        .prepare(
          `SELECT id FROM ${table} WHERE json IS NULL AND pending = 1 AND local_json IS NOT NULL`,
        )
        .all())
        present.add(targetKey({ table, id: String(row['id']) }));
    const rowCount = WRITE_TABLE_NAMES.reduce(
      (sum, t) => sum + Number(db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get()?.['n']),
      0,
    );
    expect(rowCount).toBe(present.size);
    expect(present).toEqual(targets);
    const fresh = ids.filter((r) => Number(r['mutation_id']) > lane.committed);
    for (const row of fresh)
      expect(
        openMutation(
          ctx,
          Number(row['mutation_id']),
          String(row['kind']),
          row['args'] as Uint8Array,
        ),
      ).not.toBeNull();
    for (const key of new Set(fresh.map((r) => String(r['target'])))) {
      const target = parseTargetKey(key);
      if (!target) throw new Error(`bad target ${key}`);
      const expected = fold(
        target.table,
        null,
        queuedFor(ctx, target).queued,
        String(client?.['user_id']),
      );
      expect(readRow(ctx, target)?.view).toEqual(expected);
    }
    return n;
  } finally {
    db.close();
  }
}

describe('crash safety of local writes', () => {
  it(
    `survives SIGKILL at random points (${LANES * ITERATIONS_PER_LANE} kills)`,
    { timeout: 180_000 },
    async () => {
      const started = performance.now();
      console.log(`crash safety: seed ${SEED} (replay with CRASH_SEED=${SEED})`);
      const random = prng(SEED);
      const lanes = Array.from({ length: LANES }, (_, i) => seedLane(i));
      const plans = lanes.map(() =>
        Array.from({ length: ITERATIONS_PER_LANE }, () => ({
          seed: Math.floor(random() * 2 ** 31),
          kill:
            random() < 0.5
              ? { acks: Math.floor(random() * 8) }
              : { delayMs: Math.floor(random() * 25) },
        })),
      );
      let kills = 0;
      let writes = 0;
      await Promise.all(
        lanes.map(async (lane, index) => {
          for (const plan of plans[index] ?? []) {
            const acked = await runAndKill(lane, plan.seed, plan.kill);
            try {
              lane.committed = verify(lane, acked);
            } catch (error) {
              console.log(`crash safety: failed at lane ${index}, kill ${kills + 1}, seed ${SEED}`);
              throw error;
            }
            kills++;
            writes += acked.length;
          }
        }),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const unacked = lanes.reduce((sum, l) => sum + l.unacked, 0);
      console.log(
        `crash safety: ${kills} kills, ${writes} acknowledged writes, ${unacked} kills between a commit and its ack, ${seconds} s, seed ${SEED}`,
      );
      expect(kills).toBeGreaterThanOrEqual(300);
    },
  );
});
