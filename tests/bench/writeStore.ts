/**
 * `store.write`: the cost of one durable local write (architecture.md "A durable local write
 * must cost about the same with 100 or 100,000 records"), through the real write path:
 * CommentService.create → FeatureContext.write → Outbox.write, i.e. BEGIN IMMEDIATE, id
 * allocation, sealed outbox row, optimistic replica row, COMMIT with synchronous=FULL in WAL.
 *
 * Two stores on disk are prefilled in one transaction each (same code path, recordMutation) with
 * 100 and 100,000 comments on one agenda item, every one with its pending outbox entry. Writes
 * to the two stores are then interleaved (so disk and CPU noise hit both alike) and the median
 * of each is reported. Target: ratio ≤ 1.5.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldCipher } from '../../electron/core/crypto/FieldCipher.ts';
import { ActivityReader } from '../../electron/core/features/ActivityReader.ts';
import { CommentService } from '../../electron/core/features/CommentService.ts';
import { FeatureContext } from '../../electron/core/features/FeatureContext.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { Outbox } from '../../electron/core/outbox/Outbox.ts';
import { recordMutation } from '../../electron/core/outbox/recordMutation.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { ReplicaReader } from '../../electron/core/store/ReplicaReader.ts';
import { immediate } from '../../electron/core/store/transaction.ts';
import { applyChanges } from '../../electron/core/sync/applyChanges.ts';
import { ChangeLog, makeUser, meetingBundle } from '../support/syncFixtures.ts';

const SMALL = 100;
const LARGE = 100_000;
const WARMUP = 20;
/** Measured writes per store. */
const SAMPLES = 200;

interface Store {
  db: DatabaseSync;
  comments: CommentService;
  agendaItemId: string;
}

/** What the prefill made, and the key the measuring connection needs. */
interface Prefilled {
  dataKey: Buffer;
  user: ReturnType<typeof makeUser>;
  agendaItemId: string;
}

/**
 * Creates the store with `records` comments in ONE transaction, through the write path's own
 * transaction body (recordMutation). The prefill connection gets a large page cache (64 MiB) to
 * go fast; it is closed afterwards, so the measured writes run on a fresh connection with the
 * default cache, like the app after a restart.
 */
function prefill(dir: string, records: number): Prefilled {
  const db = openDatabase(dir);
  db.exec('PRAGMA cache_size = -65536');
  const dataKey = randomBytes(32);
  const cipher = new FieldCipher(dataKey);
  const ctx = { db, cipher, log: silentLogger };
  const user = makeUser();
  const log = new ChangeLog();
  const bundle = meetingBundle(log, user, []);
  applyChanges(db, cipher, bundle.changes, log.last);
  immediate(db, () => {
    for (let i = 0; i < records; i++) {
      const args = {
        id: randomUUID(),
        meetingId: bundle.meeting.id,
        agendaItemId: bundle.item.id,
        parentId: null,
        body: `Ý kiến số ${i}: đề nghị làm rõ căn cứ pháp lý của điều ${i % 40}.`,
      };
      recordMutation(
        ctx,
        {
          mutation: { kind: 'comment.create', args },
          userId: user.id,
          meetingId: bundle.meeting.id,
          clientTime: Date.now(),
        },
        randomUUID,
      );
    }
  });
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { dataKey, user, agendaItemId: bundle.item.id };
}

function openStore(dir: string, records: number): Store {
  const { dataKey, user, agendaItemId } = prefill(dir, records);
  const db = openDatabase(dir);
  const cipher = new FieldCipher(dataKey);
  const ctx = { db, cipher, log: silentLogger };
  const features = new FeatureContext({
    outbox: new Outbox({ db, cipher, log: silentLogger, now: () => Date.now() }),
    reader: new ReplicaReader(db, cipher, silentLogger),
    activity: new ActivityReader(ctx),
    replicaUser: () => user,
    now: () => Date.now(),
    serverNow: () => Date.now(),
    written: () => {},
  });
  return { db, comments: new CommentService(features), agendaItemId };
}

function timedWrite(store: Store, n: number): number {
  const start = performance.now();
  store.comments.create({
    agendaItemId: store.agendaItemId,
    parentId: null,
    body: `Ý kiến đo ${n}: đề nghị bổ sung đánh giá tác động.`,
  });
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function benchStoreWrite(): Promise<object> {
  const root = mkdtempSync(join(tmpdir(), 'ecabinet-bench-write-'));
  try {
    const small = openStore(join(root, 'small'), SMALL);
    const large = openStore(join(root, 'large'), LARGE);
    const times = { small: [] as number[], large: [] as number[] };
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      // Alternate which goes first so neither always follows the other's fsync.
      const order: ['small' | 'large', Store][] =
        i % 2 === 0
          ? [
              ['small', small],
              ['large', large],
            ]
          : [
              ['large', large],
              ['small', small],
            ];
      for (const [name, store] of order) {
        const ms = timedWrite(store, i);
        if (i >= WARMUP) times[name].push(ms);
      }
      await Promise.resolve();
    }
    small.db.close();
    large.db.close();
    const p50Small = median(times.small);
    const p50Large = median(times.large);
    const round = (ms: number): number => Math.round(ms * 1000) / 1000;
    return {
      scenario: 'store.write',
      records_small: SMALL,
      records_large: LARGE,
      p50_ms_small: round(p50Small),
      p50_ms_large: round(p50Large),
      ratio: Math.round((p50Large / p50Small) * 100) / 100,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
