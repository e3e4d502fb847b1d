import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { voteBallots, comments, positions } from '../../../../server/src/db/memberSchema.ts';
import { eq, sql } from '../../../../server/src/db/operators.ts';
import { tokens } from '../../../../server/src/db/schema.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import type { MutationAck } from '../../../../shared/protocol/push.ts';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import { connect, connectSession, disconnected, http, type Harness } from './harness.ts';
import {
  clientRow,
  createWriteMeeting,
  mutation,
  openVoteOk,
  push,
  pushOk,
} from './writeFixture.ts';

/** A rejected ack without its mutation id: what the device learns about the refusal. */
const refusal = (ack: MutationAck | undefined) =>
  ack?.status === 'rejected' ? { code: ack.code, message: ack.message } : ack;

export function writeSecurityTests(get: () => Harness): void {
  describe('write path security', () => {
    it("pushing with another user's client id is FORBIDDEN for the whole batch", async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}] });
      const [alice, mallory] = [m.people[0]!, m.people[1]!];
      const aliceSocket = await connectSession(h.url, alice);
      const mallorySocket = await connectSession(h.url, mallory);
      const clientId = randomUUID();
      const create = (id: number) =>
        mutation(id, 'comment.create', {
          id: randomUUID(),
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          parentId: null,
          body: `Ý kiến ${id}`,
        });
      try {
        await pushOk(aliceSocket, clientId, [create(1)]);
        for (const batch of [[create(1)], [create(2), create(3)], [create(5)]]) {
          const stolen = await push(mallorySocket, clientId, batch);
          expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        }
        expect(await clientRow(h, clientId)).toEqual({ userId: alice.user.id, lastMutationId: 1 });
        const rows = await h.server.db
          .select({ authorId: comments.authorId })
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        expect(rows).toEqual([{ authorId: alice.user.id }]);
        // Alice's queue is intact: her next id is 2.
        expect((await pushOk(aliceSocket, clientId, [create(2)])).acks[0]?.status).toBe('applied');
      } finally {
        aliceSocket.close();
        mallorySocket.close();
      }
    });

    it('a push sent before the handshake closes the connection unanswered and writes nothing', async () => {
      const h = get();
      const ws = new WebSocket(
        `${h.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
      );
      const frames: string[] = [];
      ws.on('message', (data: Buffer) => frames.push(data.toString()));
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      const clientId = randomUUID();
      const payload = {
        clientId,
        mutations: [mutation(1, 'comment.delete', { id: randomUUID() })],
      };
      ws.send(`420${JSON.stringify(['push', payload])}`); // an event with ack id 0, no CONNECT
      await closed;
      expect(frames.some((f) => f.startsWith('43'))).toBe(false);
      expect(await clientRow(h, clientId)).toBeNull();
    });

    it('an item, comment or vote in a meeting the user cannot see answers exactly like a nonexistent one', async () => {
      const h = get();
      const hidden = await createWriteMeeting(h, { people: [{}] });
      const draft = await createWriteMeeting(h, {
        people: [{}],
        publish: false,
        staff: hidden.staff,
      });
      const outsider = await h.login(await h.createAccount('member'));
      const insider = await connectSession(h.url, hidden.people[0]!);
      const staff = await connectSession(h.url, hidden.staff);
      const commentId = randomUUID();
      try {
        await pushOk(insider, randomUUID(), [
          mutation(1, 'comment.create', {
            id: commentId,
            meetingId: hidden.meetingId,
            agendaItemId: hidden.itemIds[0],
            parentId: null,
            body: 'Mật',
          }),
        ]);
        const vote = await openVoteOk(staff, hidden.meetingId, hidden.itemIds[0]!);
        const probe = (meetingId: string, itemId: string, cId: string, voteId: string) => [
          mutation(1, 'comment.create', {
            id: randomUUID(),
            meetingId,
            agendaItemId: itemId,
            parentId: null,
            body: 'x',
          }),
          mutation(2, 'comment.edit', { id: cId, body: 'y' }),
          mutation(3, 'comment.delete', { id: cId }),
          mutation(4, 'position.set', {
            meetingId,
            agendaItemId: itemId,
            stance: 'object',
            note: '',
          }),
          mutation(5, 'vote.cast', { voteId, choice: 'for' }),
        ];
        const socket = await connectSession(h.url, outsider);
        // The draft's own participant cannot see it yet either.
        const draftSocket = await connectSession(h.url, draft.people[0]!);
        try {
          const real = await pushOk(
            socket,
            randomUUID(),
            probe(hidden.meetingId, hidden.itemIds[0]!, commentId, vote.id),
          );
          const fake = await pushOk(
            socket,
            randomUUID(),
            probe(randomUUID(), randomUUID(), randomUUID(), randomUUID()),
          );
          const unpublished = await pushOk(
            draftSocket,
            randomUUID(),
            probe(draft.meetingId, draft.itemIds[0]!, randomUUID(), randomUUID()),
          );
          for (let i = 0; i < 5; i += 1) {
            expect(refusal(real.acks[i])).toMatchObject({ code: 'NOT_FOUND' });
            expect(refusal(real.acks[i])).toEqual(refusal(fake.acks[i]));
            expect(refusal(unpublished.acks[i])).toEqual(refusal(fake.acks[i]));
          }
        } finally {
          socket.close();
          draftSocket.close();
        }
        const [row] = await h.server.db.select().from(comments).where(eq(comments.id, commentId));
        expect(row?.body).toBe('Mật');
        const stray = await h.server.db
          .select()
          .from(positions)
          .where(eq(positions.userId, outsider.user.id));
        expect(stray).toEqual([]);
        expect(
          await h.server.db.select().from(voteBallots).where(eq(voteBallots.voteId, vote.id)),
        ).toEqual([]);
      } finally {
        insider.close();
        staff.close();
      }
    });

    it('a revoked device is refused at connect (TOKEN_REVOKED) and cannot replay its outbox', async () => {
      const h = get();
      const admin = await h.login(await h.createAccount('admin'));
      const m = await createWriteMeeting(h, { people: [{}] });
      const device = m.people[0]!;
      const clientId = randomUUID();
      const outbox = [1, 2, 3].map((id) =>
        mutation(id, 'comment.create', {
          id: randomUUID(),
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0],
          parentId: null,
          body: `Hàng đợi ${id}`,
        }),
      );
      const socket = await connectSession(h.url, device);
      try {
        await pushOk(socket, clientId, outbox.slice(0, 1));
        // Revoked in the database behind the socket's back (as another server process would):
        // the next push re-checks the token, is refused, and the socket is closed.
        await h.server.db
          .update(tokens)
          .set({ revokedAt: new Date() })
          .where(eq(tokens.deviceId, device.deviceId));
        const gone = disconnected(socket);
        expect(await push(socket, clientId, outbox)).toMatchObject({
          ok: false,
          error: { code: 'TOKEN_REVOKED' },
        });
        await gone;
      } finally {
        socket.close();
      }
      // Through the admin API too; the device then replays its outbox on reconnect: refused.
      const res = await http(h, 'POST', ADMIN_ROUTES.revokeTokens, {
        token: admin.token,
        json: { userId: device.user.id },
      });
      expect(res.status).toBe(200);
      await expect(connectSession(h.url, device)).rejects.toMatchObject({
        data: { code: 'TOKEN_REVOKED' },
      });
      expect(await clientRow(h, clientId)).toEqual({ userId: device.user.id, lastMutationId: 1 });
      const rows = await h.server.db
        .select({ n: sql<number>`count(*)::int` })
        .from(comments)
        .where(eq(comments.meetingId, m.meetingId));
      expect(rows[0]?.n).toBe(1);
    });

    it('an unsupported protocol version is refused at connect with PROTOCOL_UNSUPPORTED', async () => {
      const h = get();
      const session = await h.login(await h.createAccount('member'));
      for (const protocolVersion of [0, PROTOCOL_VERSION + 1, 999]) {
        await expect(
          connect(h.url, { token: session.token, protocolVersion, deviceId: session.deviceId }),
        ).rejects.toMatchObject({ data: { code: 'PROTOCOL_UNSUPPORTED' } });
      }
      const ok = await connectSession(h.url, session);
      ok.close();
    });

    it('identity and time come from the server: authorship and times in args are refused or ignored', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}] });
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const socket = await connectSession(h.url, alice);
      const id = randomUUID();
      const base = {
        id,
        meetingId: m.meetingId,
        agendaItemId: m.itemIds[0],
        parentId: null,
        body: 'Của ai?',
      };
      try {
        const res = await pushOk(socket, randomUUID(), [
          mutation(1, 'comment.create', { ...base, authorId: bob.user.id }),
          mutation(2, 'comment.create', { ...base, createdAt: '2020-01-01T00:00:00.000Z' }),
          mutation(3, 'comment.create', base, 0),
        ]);
        expect(res.acks.map((a) => (a.status === 'rejected' ? a.code : a.status))).toEqual([
          'INVALID_ARGS',
          'INVALID_ARGS',
          'applied',
        ]);
        const [row] = await h.server.db.select().from(comments).where(eq(comments.id, id));
        expect(row?.authorId).toBe(alice.user.id);
        expect(Math.abs((row?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
      } finally {
        socket.close();
      }
    });
  });
}
