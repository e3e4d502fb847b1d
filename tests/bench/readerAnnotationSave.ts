/**
 * `annotation.save`: saving one annotation on a paper that already has 100,000 on this device,
 * through the core's real durable write path, in Node (no Electron needed):
 * AnnotationService.create → FeatureContext.write → Outbox.write (BEGIN IMMEDIATE, sealed outbox
 * row, optimistic replica row, COMMIT with synchronous=FULL in WAL) → the view read back.
 * The store on disk is prefilled in one transaction (recordMutation, the same transaction body)
 * with 100,000 highlights on one document, each with its pending outbox entry; the measuring
 * connection is a fresh one with the default cache, like the app after a restart.
 * Target: p99 < 20 ms.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationService } from '../../electron/core/annotations/AnnotationService.ts';
import { FieldCipher } from '../../electron/core/crypto/FieldCipher.ts';
import { ActivityReader } from '../../electron/core/features/ActivityReader.ts';
import { FeatureContext } from '../../electron/core/features/FeatureContext.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { Outbox } from '../../electron/core/outbox/Outbox.ts';
import { recordMutation } from '../../electron/core/outbox/recordMutation.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { ReplicaReader } from '../../electron/core/store/ReplicaReader.ts';
import { immediate } from '../../electron/core/store/transaction.ts';
import { applyChanges } from '../../electron/core/sync/applyChanges.ts';
import type { AnnotationShape } from '../../shared/domain/annotation.ts';
import { ChangeLog, makeUser, meetingBundle } from '../support/syncFixtures.ts';

const EXISTING = 100_000;
const WARMUP = 20;
const SAMPLES = 500;

/** A highlight of one line, as the reader makes it (PDF points, quote with context). */
function highlight(n: number): AnnotationShape {
  return {
    kind: 'highlight',
    rects: [{ x: 72, y: 700 - (n % 30) * 20, width: 420.5, height: 14.25 }],
    quote: {
      exact: `Bộ Tài chính đề nghị bổ sung kinh phí, mục ${n}.`,
      prefix: 'Căn cứ Luật Tổ chức Chính phủ ',
      suffix: ' Xét đề nghị của các bộ.',
    },
  };
}

export async function benchAnnotationSave(): Promise<object> {
  const root = mkdtempSync(join(tmpdir(), 'ecabinet-bench-annotation-'));
  try {
    // 1. Prefill: one paper with EXISTING highlights, every one still pending in the outbox.
    const dataKey = randomBytes(32);
    const user = makeUser();
    const log = new ChangeLog();
    const bundle = meetingBundle(log, user);
    const document = bundle.documents[0];
    const version = bundle.versions[0];
    if (!document || !version) throw new Error('the fixture has no paper');
    {
      const db = openDatabase(root);
      db.exec('PRAGMA cache_size = -65536');
      const cipher = new FieldCipher(dataKey);
      applyChanges(db, cipher, bundle.changes, log.last);
      immediate(db, () => {
        for (let i = 0; i < EXISTING; i++)
          recordMutation(
            { db, cipher, log: silentLogger },
            {
              mutation: {
                kind: 'annotation.create',
                args: {
                  id: randomUUID(),
                  meetingId: bundle.meeting.id,
                  documentId: document.id,
                  version: version.version,
                  sha256: version.sha256,
                  pageIndex: i % 1000,
                  visibility: 'private',
                  color: '#ffd400',
                  body: '',
                  shape: highlight(i),
                },
              },
              userId: user.id,
              meetingId: bundle.meeting.id,
              clientTime: Date.now(),
            },
            randomUUID,
          );
      });
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.close();
    }

    // 2. Measure on a fresh connection through the service the IPC handler calls.
    const db = openDatabase(root);
    const cipher = new FieldCipher(dataKey);
    const ctx = { db, cipher, log: silentLogger };
    const service = new AnnotationService(
      new FeatureContext({
        outbox: new Outbox({ db, cipher, log: silentLogger, now: () => Date.now() }),
        reader: new ReplicaReader(db, cipher, silentLogger),
        activity: new ActivityReader(ctx),
        replicaUser: () => user,
        now: () => Date.now(),
        serverNow: () => Date.now(),
        written: () => {},
      }),
    );
    const times: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const start = performance.now();
      service.create({
        documentId: document.id,
        version: version.version,
        pageIndex: i % 1000,
        visibility: 'private',
        color: '#5fb236',
        body: '',
        shape: highlight(EXISTING + i),
      });
      const ms = performance.now() - start;
      if (i >= WARMUP) times.push(ms);
      await Promise.resolve();
    }
    const stored = service.list(document.id).annotations.length;
    db.close();
    if (stored !== EXISTING + WARMUP + SAMPLES)
      throw new Error(`expected ${EXISTING + WARMUP + SAMPLES} annotations, found ${stored}`);
    times.sort((a, b) => a - b);
    const at = (q: number): number =>
      Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000) /
      1000;
    return {
      scenario: 'annotation.save',
      existing: EXISTING,
      p50_ms: at(0.5),
      p99_ms: at(0.99),
      samples: SAMPLES,
      runs_in: 'node: AnnotationService + SQLite store + outbox (electron/core), on disk',
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
