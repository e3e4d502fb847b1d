import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { comments, positions } from '../../../../server/src/db/memberSchema.ts';
import { eq } from '../../../../server/src/db/operators.ts';
import type { Comment } from '../../../../shared/domain/comment.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import { connectSession, pullAll, type Harness } from './harness.ts';
import { createWriteMeeting, mutation, pushOk } from './writeFixture.ts';

const codes = (acks: { status: string; code?: string }[]): string[] =>
  acks.map((a) => a.code ?? a.status);

const commentsIn = (changes: Change[]): Comment[] =>
  changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'comment' ? [c.data] : []));
const positionsIn = (changes: Change[]): Position[] =>
  changes.flatMap((c) => (c.op === 'upsert' && c.entity === 'position' ? [c.data] : []));
const countUpserts = (changes: Change[], entity: Change['entity']): number =>
  changes.filter((c) => c.op === 'upsert' && c.entity === entity).length;

export function commentPositionTests(get: () => Harness): void {
  describe('comments and positions', () => {
    it('comments: reply, edit and delete by the author only (NOT_AUTHOR otherwise); a delete keeps the row', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}] });
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const aliceSocket = await connectSession(h.url, alice);
      const bobSocket = await connectSession(h.url, bob);
      const [root, reply] = [randomUUID(), randomUUID()];
      const base = { meetingId: m.meetingId, agendaItemId: m.itemIds[0] };
      try {
        const a = await pushOk(aliceSocket, randomUUID(), [
          mutation(1, 'comment.create', { ...base, id: root, parentId: null, body: 'Gốc' }),
        ]);
        expect(codes(a.acks)).toEqual(['applied']);
        const bobClient = randomUUID();
        const b = await pushOk(bobSocket, bobClient, [
          mutation(1, 'comment.create', { ...base, id: reply, parentId: root, body: 'Trả lời' }),
          mutation(2, 'comment.edit', { id: root, body: 'Bob sửa của Alice' }),
          mutation(3, 'comment.delete', { id: root }),
          mutation(4, 'comment.create', { ...base, id: root, parentId: null, body: 'Trùng id' }),
          mutation(5, 'comment.create', {
            ...base,
            id: randomUUID(),
            parentId: randomUUID(),
            body: 'Trả lời ai?',
          }),
          mutation(6, 'comment.edit', { id: reply, body: 'Trả lời (đã sửa)' }),
          mutation(7, 'comment.delete', { id: reply }),
          mutation(8, 'comment.delete', { id: reply }),
          mutation(9, 'comment.edit', { id: reply, body: 'Sửa sau khi xóa' }),
        ]);
        expect(codes(b.acks)).toEqual([
          'applied',
          'NOT_AUTHOR',
          'NOT_AUTHOR',
          'INVALID_ARGS',
          'NOT_FOUND',
          'applied',
          'applied',
          'applied', // deleting a deleted comment again changes nothing
          'NOT_FOUND',
        ]);
        const rows = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(byId.get(root)).toMatchObject({ body: 'Gốc', authorId: alice.user.id });
        expect(byId.get(reply)).toMatchObject({
          body: '',
          parentId: root,
          authorId: bob.user.id,
        });
        expect(byId.get(reply)?.deletedAt).toBeInstanceOf(Date);
        expect(byId.get(reply)?.editedAt).toBeInstanceOf(Date);
        // Alice's device pulls the deleted reply: it keeps its place with an empty body.
        const seen = commentsIn((await pullAll(aliceSocket)).changes).filter((c) => c.id === reply);
        expect(seen.at(-1)).toMatchObject({ body: '', parentId: root });
        expect(seen.at(-1)?.deletedAt).not.toBeNull();
      } finally {
        aliceSocket.close();
        bobSocket.close();
      }
    });

    it('a position set offline before the start but received after it is MEETING_STARTED (server time)', async () => {
      const h = get();
      // Started a minute ago by the server's clock.
      const m = await createWriteMeeting(h, { people: [{}], startsInMs: -60_000 });
      const socket = await connectSession(h.url, m.people[0]!);
      try {
        const deviceSaysBefore = Date.now() - 3_600_000;
        const res = await pushOk(socket, randomUUID(), [
          mutation(
            1,
            'position.set',
            {
              meetingId: m.meetingId,
              agendaItemId: m.itemIds[0],
              stance: 'no_objection',
              note: '',
            },
            deviceSaysBefore,
          ),
        ]);
        expect(res.acks).toEqual([
          expect.objectContaining({ status: 'rejected', code: 'MEETING_STARTED' }),
        ]);
        const rows = await h.server.db
          .select()
          .from(positions)
          .where(eq(positions.meetingId, m.meetingId));
        expect(rows).toEqual([]);
      } finally {
        socket.close();
      }
    });

    it('positions: one per member and item (the latest wins); members see their own, staff see all', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}], items: 2 });
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const aliceSocket = await connectSession(h.url, alice);
      const bobSocket = await connectSession(h.url, bob);
      const staffSocket = await connectSession(h.url, m.staff);
      const set = (id: number, item: number, stance: string, note = '') =>
        mutation(id, 'position.set', {
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[item],
          stance,
          note,
        });
      try {
        const a = await pushOk(aliceSocket, randomUUID(), [
          set(1, 0, 'object', 'Chưa đồng ý điều 5'),
          set(2, 0, 'wish_to_speak', 'Xin phát biểu'),
          set(3, 1, 'no_objection'),
          set(4, 1, 'maybe'),
        ]);
        expect(codes(a.acks)).toEqual(['applied', 'applied', 'applied', 'INVALID_ARGS']);
        await pushOk(bobSocket, randomUUID(), [set(1, 0, 'no_objection')]);

        const rows = await h.server.db
          .select()
          .from(positions)
          .where(eq(positions.meetingId, m.meetingId));
        expect(rows).toHaveLength(3);
        expect(
          rows.find((r) => r.userId === alice.user.id && r.agendaItemId === m.itemIds[0]),
        ).toMatchObject({ stance: 'wish_to_speak', note: 'Xin phát biểu' });

        const latest = (changes: Change[]) => {
          const byId = new Map<string, { userId: string; stance: string }>();
          for (const p of positionsIn(changes)) byId.set(p.id, p);
          return [...byId.values()];
        };
        const aliceView = latest((await pullAll(aliceSocket)).changes);
        const bobView = latest((await pullAll(bobSocket)).changes);
        const staffView = latest((await pullAll(staffSocket)).changes).filter((p) =>
          [alice.user.id, bob.user.id].includes(p.userId),
        );
        expect(aliceView.map((p) => p.userId)).toEqual([alice.user.id, alice.user.id]);
        expect(bobView).toEqual([expect.objectContaining({ userId: bob.user.id })]);
        expect(staffView).toHaveLength(3);
        expect(staffView.find((p) => p.userId === alice.user.id && p.stance === 'object')).toBe(
          undefined,
        );
      } finally {
        aliceSocket.close();
        bobSocket.close();
        staffSocket.close();
      }
    });

    it('a member added later gets the comments, the votes and (only) their own positions in the snapshot', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, { outsider: true }] });
      const [alice, late] = [m.people[0]!, m.people[1]!];
      const aliceSocket = await connectSession(h.url, alice);
      const staffSocket = await connectSession(h.url, m.staff);
      const lateSocket = await connectSession(h.url, late);
      try {
        const lateStart = await pullAll(lateSocket);
        await pushOk(aliceSocket, randomUUID(), [
          mutation(1, 'comment.create', {
            id: randomUUID(),
            meetingId: m.meetingId,
            agendaItemId: m.itemIds[0],
            parentId: null,
            body: 'Trước khi anh tham gia',
          }),
          mutation(2, 'position.set', {
            meetingId: m.meetingId,
            agendaItemId: m.itemIds[0],
            stance: 'object',
            note: 'riêng tư',
          }),
        ]);
        const opened = (await staffSocket.timeout(10_000).emitWithAck('vote:open', {
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          question: 'Thông qua?',
          ruleSetId: 'vn.cabinet.2015',
        })) as { ok: boolean };
        expect(opened.ok).toBe(true);
        // Nothing of it reaches a non-participant.
        const before = await pullAll(lateSocket, lateStart.cursor);
        expect(before.changes.filter((c) => c.op === 'upsert' && c.entity !== 'user')).toEqual([]);

        const res = await fetch(`${h.url}/api/admin/meetings/${m.meetingId}/participants`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${m.staff.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            participants: [
              { userId: alice.user.id, role: 'member', mayVote: true },
              { userId: late.user.id, role: 'member', mayVote: true },
            ],
          }),
        });
        expect(res.status).toBe(200);
        const after = await pullAll(lateSocket, before.cursor);
        expect(countUpserts(after.changes, 'comment')).toBe(1);
        expect(countUpserts(after.changes, 'vote')).toBe(1);
        expect(countUpserts(after.changes, 'position')).toBe(0);
      } finally {
        aliceSocket.close();
        staffSocket.close();
        lateSocket.close();
      }
    });
  });
}
