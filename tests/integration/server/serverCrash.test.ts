import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../server/src/audit/auditLog.ts';
import {
  voteBallots,
  clientMutations,
  comments,
  positions,
  votes,
} from '../../../server/src/db/memberSchema.ts';
import { openDatabase } from '../../../server/src/db/openDatabase.ts';
import { and, eq, inArray } from '../../../server/src/db/operators.ts';
import { auditLog, changeLog } from '../../../server/src/db/schema.ts';
import { silentLogger } from '../../../server/src/log.ts';
import type { MutationEnvelope } from '../../../shared/sync/mutations.ts';
import { startPostgres, type PostgresInstance } from '../../support/postgres.ts';
import { connectSession, startHarness, type Session } from './support/harness.ts';
import { startServerChild } from './support/serverChild.ts';
import { createWriteMeeting, mutation, openVoteOk, push } from './support/writeFixture.ts';

// The server is killed (SIGKILL, via the test-only ECABINET_FAULT plan) before a commit, after
// the commits but before the ack, and between two pushes of one outbox; restarted; and the device
// resends its outbox with the same ids. Every mutation must then have exactly one effect. The
// server runs as a child process (node server/src/main.ts), on PGlite and on PostgreSQL.
// A push batch commits as ONE transaction (push/applyPush.ts), so the fault points count
// batches: `push:before-commit:2` is the COMMIT of the second push, `push:after-commit:1` the
// moment after the first push's commit.

interface World {
  meetingId: string;
  itemIds: string[];
  voteIds: string[];
  device: Session;
}

interface Scenario {
  name: string;
  fault: string;
  /** The outbox goes in two pushes: mutations 1..split, then the rest (none when split = 6). */
  split: number;
  /** Pushes answered before the process died. */
  answered: number;
  /** The resend's acks after the restart. */
  expected: ('duplicate' | 'applied')[];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'killed before the commit of the second push (mutations 3-6)',
    fault: 'push:before-commit:2',
    split: 2,
    answered: 1,
    expected: ['duplicate', 'duplicate', 'applied', 'applied', 'applied', 'applied'],
  },
  {
    name: 'killed before the commit of a one-push outbox (nothing of the batch stays)',
    fault: 'push:before-commit:1',
    split: 6,
    answered: 0,
    expected: Array<'applied'>(6).fill('applied'),
  },
  {
    name: 'killed after the commit of the whole outbox, before the ack',
    fault: 'push:before-ack:1',
    split: 6,
    answered: 0,
    expected: Array<'duplicate'>(6).fill('duplicate'),
  },
  {
    name: 'killed right after the commit of the first push (mutations 1-4), before its ack',
    fault: 'push:after-commit:1',
    split: 4,
    answered: 0,
    expected: ['duplicate', 'duplicate', 'duplicate', 'duplicate', 'applied', 'applied'],
  },
];

/** A device's outbox: three comments (one edited), a position and a ballot. */
function outbox(world: World, index: number, ids: string[]): MutationEnvelope[] {
  const [c1, c2, c3] = ids;
  const where = { meetingId: world.meetingId, agendaItemId: world.itemIds[index] };
  return [
    mutation(1, 'comment.create', { ...where, parentId: null, id: c1, body: 'Một' }),
    mutation(2, 'comment.create', { ...where, parentId: null, id: c2, body: 'Hai' }),
    mutation(3, 'position.set', { ...where, stance: 'object', note: '' }),
    mutation(4, 'vote.cast', { voteId: world.voteIds[index], choice: 'for' }),
    mutation(5, 'comment.edit', { id: c1, body: 'Một (sửa)' }),
    mutation(6, 'comment.create', { ...where, parentId: null, id: c3, body: 'Ba' }),
  ];
}

function defineCrashSuite(
  name: string,
  database: () => Promise<{ url?: string; stop(): Promise<void> }>,
): void {
  describe(name, () => {
    let dataDir = '';
    let databaseUrl: string | undefined;
    let stopDatabase: () => Promise<void> = () => Promise.resolve();
    let world: World;

    beforeAll(async () => {
      const db = await database();
      databaseUrl = db.url;
      stopDatabase = db.stop;
      dataDir = await mkdtemp(join(tmpdir(), 'ecabinet-crash-'));
      // Accounts, a published meeting and open votes, written in-process; then closed, so the
      // child owns the database (PGlite is single-process).
      const h = await startHarness(databaseUrl === undefined ? {} : { databaseUrl }, { dataDir });
      try {
        const m = await createWriteMeeting(h, { people: [{}], items: SCENARIOS.length });
        const staff = await connectSession(h.url, m.staff);
        const voteIds: string[] = [];
        for (const itemId of m.itemIds)
          voteIds.push((await openVoteOk(staff, m.meetingId, itemId)).id);
        staff.close();
        world = { meetingId: m.meetingId, itemIds: m.itemIds, voteIds, device: m.people[0]! };
      } finally {
        await h.close();
      }
    });

    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
      await stopDatabase();
    });

    const options = () => ({ dataDir, ...(databaseUrl === undefined ? {} : { databaseUrl }) });

    SCENARIOS.forEach((scenario, index) => {
      it(`${scenario.name}: the resend has exactly one effect per mutation`, async () => {
        const clientId = randomUUID();
        const commentIds = [randomUUID(), randomUUID(), randomUUID()];
        const batch = outbox(world, index, commentIds);

        // 1. The crash: the device pushes its outbox (in one or two pushes); the process dies of
        // SIGKILL at the fault point, and the push in flight then gets no answer.
        const doomed = await startServerChild({ ...options(), fault: scenario.fault });
        const socket = await connectSession(doomed.url, world.device);
        try {
          let answered = 0;
          void (async () => {
            const parts = [batch.slice(0, scenario.split), batch.slice(scenario.split)];
            for (const part of parts.filter((p) => p.length > 0)) {
              const result = await push(socket, clientId, part);
              if (!result.ok) throw new Error(`push refused: ${result.error.code}`);
              answered += 1;
            }
          })().catch(() => undefined);
          expect(await doomed.exited).toBe('SIGKILL');
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(answered).toBe(scenario.answered);
        } finally {
          socket.close();
        }
        expect(doomed.output()).toContain('TEST-ONLY fault plan active');

        // 2. Restart; the device resends the same mutations with the same ids.
        const server = await startServerChild(options());
        try {
          const again = await connectSession(server.url, world.device);
          try {
            const result = await push(again, clientId, batch);
            if (!result.ok) throw new Error(`resend refused: ${result.error.code}`);
            expect(result.value.expectedMutationId).toBeNull();
            expect(result.value.acks.map((a) => a.status)).toEqual(scenario.expected);
            // And once more: all duplicates.
            const replay = await push(again, clientId, batch);
            expect(replay.ok && replay.value.acks.every((a) => a.status === 'duplicate')).toBe(
              true,
            );
          } finally {
            again.close();
          }
        } finally {
          await server.stop();
        }

        // 3. Count the effects in the database.
        const opened = await openDatabase({ ...options(), logger: silentLogger });
        try {
          const db = opened.db;
          const userId = world.device.user.id;
          const rows = await db.select().from(comments).where(inArray(comments.id, commentIds));
          expect(rows).toHaveLength(3);
          expect(rows.find((r) => r.id === commentIds[0])?.body).toBe('Một (sửa)');
          const itemId = world.itemIds[index]!;
          const voteId = world.voteIds[index]!;
          expect(
            await db
              .select()
              .from(positions)
              .where(and(eq(positions.agendaItemId, itemId), eq(positions.userId, userId))),
          ).toHaveLength(1);
          expect(
            await db.select().from(voteBallots).where(eq(voteBallots.voteId, voteId)),
          ).toHaveLength(1);
          const [vote] = await db.select().from(votes).where(eq(votes.id, voteId));
          expect([vote?.countFor, vote?.countAgainst, vote?.countAbstain]).toEqual([1, 0, 0]);
          // The change log: one entry per effect (3 creates + 1 edit; one position; one ballot).
          const entries = await db
            .select({ entity: changeLog.entity })
            .from(changeLog)
            .where(
              inArray(changeLog.entityId, [
                ...commentIds,
                `${itemId}:${userId}`,
                `${voteId}:${userId}`,
              ]),
            );
          expect(entries.map((e) => e.entity).sort()).toEqual([
            'ballot',
            'comment',
            'comment',
            'comment',
            'comment',
            'position',
          ]);
          const casts = await db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, 'vote.cast'), eq(auditLog.subject, voteId)));
          expect(casts).toHaveLength(1);
          const [client] = await db
            .select()
            .from(clientMutations)
            .where(eq(clientMutations.clientId, clientId));
          expect(client?.lastMutationId).toBe(6);
          expect((await verifyAuditChain(db)).ok).toBe(true);
        } finally {
          await opened.close();
        }
      });
    });
  });
}

defineCrashSuite('server crash on PGlite', () =>
  Promise.resolve({ stop: () => Promise.resolve() }),
);

let postgres: PostgresInstance | undefined;
defineCrashSuite('server crash on PostgreSQL', async () => {
  postgres = await startPostgres();
  return {
    url: await postgres.createDatabase('ecabinet_crash'),
    stop: () => postgres?.stop() ?? Promise.resolve(),
  };
});
