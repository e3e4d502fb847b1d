import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { FieldCipher } from '../../../electron/core/crypto/FieldCipher.ts';
import { ActivityReader } from '../../../electron/core/features/ActivityReader.ts';
import { CommentService } from '../../../electron/core/features/CommentService.ts';
import { FeatureContext } from '../../../electron/core/features/FeatureContext.ts';
import { PositionService } from '../../../electron/core/features/PositionService.ts';
import { VoteService } from '../../../electron/core/features/VoteService.ts';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { Outbox } from '../../../electron/core/outbox/Outbox.ts';
import type { StoreContext } from '../../../electron/core/outbox/overlay.ts';
import { openDatabase } from '../../../electron/core/store/openDatabase.ts';
import { ReplicaOwner } from '../../../electron/core/store/ReplicaOwner.ts';
import { ReplicaReader } from '../../../electron/core/store/ReplicaReader.ts';
import { applyChanges } from '../../../electron/core/sync/applyChanges.ts';
import type { User } from '../../../shared/domain/user.ts';
import type { Change } from '../../../shared/protocol/changes.ts';
import { ChangeLog, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

/** A meeting one hour after "now" by default, so positions are still open. */
export const FUTURE = new Date(Date.now() + 3_600_000).toISOString();

/**
 * The outbox and the write features over an in-memory store, without a core or a server:
 * `pull` applies changes like a pulled page, `user` is whoever the test says is signed in.
 */
export interface WriteHarness {
  db: DatabaseSync;
  ctx: StoreContext;
  outbox: Outbox;
  log: ChangeLog;
  me: User;
  user: User | null;
  clock: { now: number; serverOffset: number };
  comments: CommentService;
  positions: PositionService;
  votes: VoteService;
  /** Applies changes as one pulled page. */
  pull(changes: Change[]): void;
  written: number[];
  bundle: ReturnType<typeof meetingBundle>;
}

export function writeHarness(me: User = makeUser()): WriteHarness {
  const db = openDatabase(':memory:');
  const cipher = new FieldCipher(randomBytes(32));
  const ctx: StoreContext = { db, cipher, log: silentLogger };
  const clock = { now: Date.parse('2026-01-10T08:00:00.000Z'), serverOffset: 0 };
  const outbox = new Outbox({ db, cipher, log: silentLogger, now: () => clock.now });
  const reader = new ReplicaReader(db, cipher, silentLogger);
  const owner = new ReplicaOwner(db);
  const written: number[] = [];
  const log = new ChangeLog();
  const h: WriteHarness = {
    db,
    ctx,
    outbox,
    log,
    me,
    user: me,
    clock,
    written,
    comments: undefined as never,
    positions: undefined as never,
    votes: undefined as never,
    pull: (changes) => {
      applyChanges(
        db,
        cipher,
        changes,
        Math.max(owner.cursor(), ...changes.map((c) => c.seq)),
        silentLogger,
      );
    },
    bundle: undefined as never,
  };
  const features = new FeatureContext({
    outbox,
    reader,
    activity: new ActivityReader(ctx),
    replicaUser: () => h.user,
    now: () => clock.now,
    serverNow: () => clock.now + clock.serverOffset,
    written: (w) => written.push(w.mutationId),
  });
  h.comments = new CommentService(features);
  h.positions = new PositionService(features);
  h.votes = new VoteService(features);
  h.bundle = meetingBundle(log, me);
  h.pull(h.bundle.changes);
  return h;
}

/** Rows of a table, for invariant checks. */
export function rows(
  db: DatabaseSync,
  sql: string,
  ...params: string[]
): Record<string, unknown>[] {
  return db.prepare(sql).all(...params);
}
