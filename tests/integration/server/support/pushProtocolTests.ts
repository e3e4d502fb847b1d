import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../server/src/audit/auditLog.ts';
import { comments, positions } from '../../../../server/src/db/memberSchema.ts';
import { and, count, eq, gt, inArray } from '../../../../server/src/db/operators.ts';
import { auditLog, changeLog } from '../../../../server/src/db/schema.ts';
import type { Comment } from '../../../../shared/domain/comment.ts';
import { MAX_PUSH_BATCH } from '../../../../shared/protocol/push.ts';
import { connectSession, nextNews, pullAll, type Harness } from './harness.ts';
import { clientRow, createWriteMeeting, mutation, push, pushOk } from './writeFixture.ts';

const body = (text: string) => text;

export function pushProtocolTests(get: () => Harness): void {
  describe('push protocol', () => {
    it('acks applied and rejected in order, duplicates below the last id, and stops at a gap', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const member = m.people[0]!;
      const socket = await connectSession(h.url, member);
      const clientId = randomUUID();
      const [first, fourth, sixth] = [randomUUID(), randomUUID(), randomUUID()];
      const create = (id: string) => ({
        id,
        meetingId: m.meetingId,
        agendaItemId: m.itemIds[0],
        parentId: null,
        body: body(`Ý kiến ${id}`),
      });
      try {
        const one = await pushOk(socket, clientId, [
          mutation(1, 'comment.create', create(first)),
          // A kind this server does not know (annotation.* kinds exist since the Reader issue).
          mutation(2, 'minutes.sign', { id: randomUUID() }),
          mutation(3, 'comment.create', { ...create(randomUUID()), body: '   ' }),
        ]);
        expect(one.expectedMutationId).toBeNull();
        expect(one.acks).toEqual([
          { mutationId: 1, status: 'applied' },
          expect.objectContaining({ mutationId: 2, status: 'rejected', code: 'UNKNOWN_MUTATION' }),
          expect.objectContaining({ mutationId: 3, status: 'rejected', code: 'INVALID_ARGS' }),
        ]);

        const two = await pushOk(socket, clientId, [
          mutation(2, 'comment.create', create(randomUUID())),
          mutation(3, 'comment.create', create(randomUUID())),
          mutation(4, 'comment.create', create(fourth)),
          mutation(6, 'comment.create', create(sixth)),
          mutation(7, 'comment.create', create(randomUUID())),
        ]);
        expect(two).toEqual({
          acks: [
            { mutationId: 2, status: 'duplicate' },
            { mutationId: 3, status: 'duplicate' },
            { mutationId: 4, status: 'applied' },
          ],
          expectedMutationId: 5,
        });
        const ids = (
          await h.server.db
            .select({ id: comments.id })
            .from(comments)
            .where(eq(comments.meetingId, m.meetingId))
        ).map((r) => r.id);
        expect(ids.sort()).toEqual([first, fourth].sort());
        expect(await clientRow(h, clientId)).toEqual({
          userId: member.user.id,
          lastMutationId: 4,
        });
      } finally {
        socket.close();
      }
    });

    it('a replayed batch is all duplicates: one effect, no new change-log entries', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}], items: 2 });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const commentIds = [randomUUID(), randomUUID(), randomUUID()];
      const batch = [
        ...commentIds.map((id, i) =>
          mutation(i + 1, 'comment.create', {
            id,
            meetingId: m.meetingId,
            agendaItemId: m.itemIds[i % 2],
            parentId: null,
            body: `Góp ý ${i}`,
          }),
        ),
        mutation(4, 'comment.edit', { id: commentIds[0], body: 'Góp ý đã sửa' }),
        mutation(5, 'position.set', {
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          stance: 'object',
          note: 'Cần làm rõ',
        }),
      ];
      try {
        const first = await pushOk(socket, clientId, batch);
        expect(first.acks.map((a) => a.status)).toEqual(Array(5).fill('applied'));
        const logged = async () =>
          (
            await h.server.db
              .select({ n: count() })
              .from(changeLog)
              .where(eq(changeLog.meetingId, m.meetingId))
          )[0]?.n;
        const before = await logged();
        for (let replay = 0; replay < 3; replay += 1) {
          const again = await pushOk(socket, clientId, batch);
          expect(again).toEqual({
            acks: batch.map((b) => ({ mutationId: b.mutationId, status: 'duplicate' })),
            expectedMutationId: null,
          });
        }
        expect(await logged()).toBe(before);
        const rows = await h.server.db
          .select()
          .from(comments)
          .where(inArray(comments.id, commentIds));
        expect(rows).toHaveLength(3);
        expect(rows.find((r) => r.id === commentIds[0])?.body).toBe('Góp ý đã sửa');
        const stances = await h.server.db
          .select({ n: count() })
          .from(positions)
          .where(eq(positions.meetingId, m.meetingId));
        expect(stances[0]?.n).toBe(1);
      } finally {
        socket.close();
      }
    });

    it('a poison mutation is rejected (audited) and the good ones after it are applied', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const good = [randomUUID(), randomUUID()];
      const create = (id: string) => ({
        id,
        meetingId: m.meetingId,
        agendaItemId: m.itemIds[0],
        parentId: null,
        body: 'Đồng ý với dự thảo',
      });
      const auditHead = (await h.server.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
      try {
        const res = await pushOk(socket, clientId, [
          mutation(1, 'comment.edit', { id: randomUUID(), body: 'không có' }),
          mutation(2, 'comment.create', create(good[0]!)),
          mutation(3, 'comment.create', 'garbage'),
          mutation(4, 'comment.create', { ...create(randomUUID()), authorId: randomUUID() }),
          mutation(5, 'comment.create', create(good[1]!)),
        ]);
        expect(res.acks.map((a) => (a.status === 'rejected' ? a.code : a.status))).toEqual([
          'NOT_FOUND',
          'applied',
          'INVALID_ARGS',
          'INVALID_ARGS',
          'applied',
        ]);
        const rows = await h.server.db
          .select({ id: comments.id, authorId: comments.authorId })
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        expect(rows.map((r) => r.id).sort()).toEqual([...good].sort());
        expect(rows.every((r) => r.authorId === m.people[0]!.user.id)).toBe(true);
        const refusals = await h.server.db
          .select({ details: auditLog.details })
          .from(auditLog)
          .where(and(gt(auditLog.seq, auditHead), eq(auditLog.action, 'push.rejected')));
        const mine = refusals
          .map((r) => JSON.parse(r.details) as { clientId: string; code: string })
          .filter((d) => d.clientId === clientId);
        expect(mine.map((d) => d.code)).toEqual(['NOT_FOUND', 'INVALID_ARGS', 'INVALID_ARGS']);
        expect((await verifyAuditChain(h.server.db)).ok).toBe(true);
      } finally {
        socket.close();
      }
    });

    it('a malformed push is INVALID_INPUT and changes nothing', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const ok = mutation(1, 'comment.edit', { id: randomUUID(), body: 'x' });
      try {
        const payloads: unknown[] = [
          'garbage',
          null,
          { clientId: 'not-a-uuid', mutations: [ok] },
          { clientId, mutations: [] },
          { clientId, mutations: [{ ...ok, mutationId: 0 }] },
          { clientId, mutations: [{ ...ok, clientTime: -5 }] },
          { clientId, mutations: [ok], userId: randomUUID() },
          { clientId, mutations: [{ ...ok, serverTime: Date.now() }] },
          { clientId, mutations: Array.from({ length: MAX_PUSH_BATCH + 1 }, () => ok) },
        ];
        for (const payload of payloads) {
          const result: unknown = await socket.timeout(10_000).emitWithAck('push', payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        }
        const none: unknown = await socket.timeout(5_000).emitWithAck('push');
        expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(await clientRow(h, clientId)).toBeNull();
        expect((await push(socket, clientId, [ok])).ok).toBe(true); // still serving
      } finally {
        socket.close();
      }
    });

    it('concurrent pushes of one client (two connections) apply each mutation exactly once', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const a = await connectSession(h.url, m.people[0]!);
      const b = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const ids = Array.from({ length: 12 }, () => randomUUID());
      const batch = ids.map((id, i) =>
        mutation(i + 1, 'comment.create', {
          id,
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          parentId: null,
          body: `Song song ${i}`,
        }),
      );
      try {
        const answers = await Promise.all([
          pushOk(a, clientId, batch),
          pushOk(b, clientId, batch),
          pushOk(a, clientId, batch.slice(4)),
        ]);
        for (const id of batch.map((x) => x.mutationId)) {
          const statuses = answers.flatMap((r) =>
            r.acks.filter((ack) => ack.mutationId === id).map((ack) => ack.status),
          );
          expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
        }
        const rows = await h.server.db
          .select({ n: count() })
          .from(comments)
          .where(inArray(comments.id, ids));
        expect(rows[0]?.n).toBe(12);
        expect((await clientRow(h, clientId))?.lastMutationId).toBe(12);
      } finally {
        a.close();
        b.close();
      }
    });

    it("after the commit, other participants get a news hint and pull the member's comment", async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}] });
      const author = await connectSession(h.url, m.people[0]!);
      const reader = await connectSession(h.url, m.people[1]!);
      const staff = await connectSession(h.url, m.staff);
      try {
        const start = await pullAll(reader);
        const staffStart = await pullAll(staff);
        const id = randomUUID();
        const news = nextNews(reader, start.cursor + 1);
        const staffNews = nextNews(staff, staffStart.cursor + 1);
        await pushOk(author, randomUUID(), [
          mutation(1, 'comment.create', {
            id,
            meetingId: m.meetingId,
            agendaItemId: m.itemIds[0],
            parentId: null,
            body: '<b>Không</b> có ý kiến',
          }),
        ]);
        await Promise.all([news, staffNews]);
        const page = await pullAll(reader, start.cursor);
        const found = page.changes.find((c) => c.op === 'upsert' && c.entity === 'comment');
        expect(found).toMatchObject({
          data: {
            id,
            authorId: m.people[0]!.user.id,
            body: '<b>Không</b> có ý kiến',
            deletedAt: null,
          } satisfies Partial<Comment>,
        });
      } finally {
        author.close();
        reader.close();
        staff.close();
      }
    });
  });
}
