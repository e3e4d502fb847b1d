import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../server/src/audit/auditLog.ts';
import type { Principal } from '../../../../server/src/auth/authService.ts';
import { readChangeHead } from '../../../../server/src/changes/appendChanges.ts';
import type { Committed } from '../../../../server/src/ServerHooks.ts';
import { comments, positions } from '../../../../server/src/db/memberSchema.ts';
import { and, asc, eq, gt, inArray } from '../../../../server/src/db/operators.ts';
import { auditLog, changeLog } from '../../../../server/src/db/schema.ts';
import { applyPush, PUSH_CHUNK } from '../../../../server/src/push/applyPush.ts';
import type { MutationAck } from '../../../../shared/protocol/push.ts';
import { MAX_PUSH_BATCH } from '../../../../shared/protocol/push.ts';
import type { MutationEnvelope } from '../../../../shared/sync/mutations.ts';
import { connectSession, type Harness, type Session } from './harness.ts';
import { clientRow, createWriteMeeting, mutation, pushOk } from './writeFixture.ts';

/** 'applied', 'duplicate' or the refusal's code, per ack. */
const outcomeOf = (ack: MutationAck): string => (ack.status === 'rejected' ? ack.code : ack.status);

const changeLogHead = (h: Harness): Promise<number> => readChangeHead(h.server.db);

/** The change-log entries of one meeting after `after`, in seq order. */
async function entriesOf(h: Harness, meetingId: string, after: number) {
  return h.server.db
    .select({ seq: changeLog.seq, entity: changeLog.entity, entityId: changeLog.entityId })
    .from(changeLog)
    .where(and(eq(changeLog.meetingId, meetingId), gt(changeLog.seq, after)))
    .orderBy(asc(changeLog.seq));
}

/** The `push.rejected` audit rows of one client after `after`, as (mutationId, code). */
async function refusalsOf(h: Harness, clientId: string, after: number) {
  const rows = await h.server.db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(gt(auditLog.seq, after), eq(auditLog.action, 'push.rejected')))
    .orderBy(asc(auditLog.seq));
  return rows
    .map((r) => JSON.parse(r.details) as { clientId: string; mutationId: number; code: string })
    .filter((d) => d.clientId === clientId)
    .map((d) => [d.mutationId, d.code]);
}

async function auditHead(h: Harness): Promise<number> {
  const rows = await h.server.db.select({ seq: auditLog.seq }).from(auditLog);
  return rows.reduce((m, r) => Math.max(m, r.seq), 0);
}

/** The member behind a logged-in session, as the socket layer would authenticate it. */
function principalOf(session: Session): Principal {
  return {
    userId: session.user.id,
    role: session.user.role,
    deviceId: session.deviceId,
    tokenId: randomUUID(),
    tokenHash: '0'.repeat(64),
    expiresAt: new Date(Date.now() + 3_600_000),
    address: '127.0.0.1',
  };
}

/**
 * A push batch is applied in one transaction (push/applyPush.ts), with runs of comment.create
 * applied together (push/commentMutations.ts createComments): these tests pin that the outcome
 * is exactly what one-by-one application gives — refusals without effect, later mutations
 * seeing earlier ones, the change log gap-free in mutation order, the audit chain intact.
 */
export function pushBatchTests(get: () => Harness): void {
  describe('push batches', () => {
    it('poison in the middle of a 500-mutation batch: refused ones leave no effect, the rest apply in order', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}], items: 2 });
      // A meeting this member does not take part in (not visible to them).
      const hidden = await createWriteMeeting(h, { people: [{}], staff: m.staff });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const ids = Array.from({ length: MAX_PUSH_BATCH + 1 }, () => randomUUID());
      const create = (n: number, extra: Record<string, unknown> = {}) =>
        mutation(n, 'comment.create', {
          id: ids[n],
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[n % 2],
          parentId: null,
          body: `Ý kiến ${n}`,
          ...extra,
        });
      const expected = new Map<number, string>();
      const batch: MutationEnvelope[] = [];
      for (let n = 1; n <= MAX_PUSH_BATCH; n += 1) {
        let envelope = create(n);
        switch (n) {
          case 100: // a meeting the member may not see
            envelope = create(n, { meetingId: hidden.meetingId, agendaItemId: hidden.itemIds[0] });
            expected.set(n, 'NOT_FOUND');
            break;
          case 200: // the id of an earlier comment of this same batch
            envelope = create(n, { id: ids[50] });
            expected.set(n, 'INVALID_ARGS');
            break;
          case 250: // a reply to a comment created only later in the batch
            envelope = create(n, { parentId: ids[300] });
            expected.set(n, 'NOT_FOUND');
            break;
          case 260: // a reply to an earlier comment of the batch, but on another item
            envelope = create(n, { parentId: ids[11], agendaItemId: m.itemIds[0] });
            expected.set(n, 'NOT_FOUND');
            break;
          case 270: // a reply to an earlier comment of the batch, on its item
            envelope = create(n, { parentId: ids[10], agendaItemId: m.itemIds[0] });
            break;
          case 350: // an edit (one by one, in a savepoint) between two runs of creates
            envelope = mutation(n, 'comment.edit', { id: ids[20], body: 'Đã sửa trong lô' });
            break;
          case 351: // an edit of a comment that does not exist
            envelope = mutation(n, 'comment.edit', { id: randomUUID(), body: 'Không có' });
            expected.set(n, 'NOT_FOUND');
            break;
          case 400:
            envelope = mutation(n, 'comment.create', 'garbage');
            expected.set(n, 'INVALID_ARGS');
            break;
          case 401:
            envelope = create(n, { body: '   ' });
            expected.set(n, 'INVALID_ARGS');
            break;
          case 450: // a kind this server does not know
            envelope = mutation(n, 'minutes.sign', { id: ids[n] });
            expected.set(n, 'UNKNOWN_MUTATION');
            break;
        }
        batch.push(envelope);
      }
      const logHead = await changeLogHead(h);
      const auditBefore = await auditHead(h);
      try {
        const answer = await pushOk(socket, clientId, batch);
        expect(answer.expectedMutationId).toBeNull();
        expect(answer.acks.map((a) => a.mutationId)).toEqual(batch.map((b) => b.mutationId));
        expect(answer.acks.map(outcomeOf)).toEqual(
          batch.map((b) => expected.get(b.mutationId) ?? 'applied'),
        );

        // Exactly the applied creates exist, with their parents; the edit took.
        const applied = (n: number) => !expected.has(n);
        const created = batch
          .filter((b) => b.kind === 'comment.create' && applied(b.mutationId))
          .map((b) => (b.args as { id: string }).id);
        const rows = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        expect(rows.map((r) => r.id).sort()).toEqual([...created].sort());
        expect(rows.find((r) => r.id === ids[270])?.parentId).toBe(ids[10]);
        expect(rows.find((r) => r.id === ids[50])?.body).toBe('Ý kiến 50');
        expect(rows.find((r) => r.id === ids[20])?.body).toBe('Đã sửa trong lô');
        expect(rows.every((r) => r.authorId === m.people[0]!.user.id)).toBe(true);
        const strays = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.meetingId, hidden.meetingId));
        expect(strays).toEqual([]);

        // The change log: one entry per applied effect, consecutive seqs, in mutation order.
        const entries = await entriesOf(h, m.meetingId, logHead);
        const order = batch
          .filter((b) => applied(b.mutationId))
          .map((b) => (b.mutationId === 350 ? ids[20] : (b.args as { id: string }).id));
        expect(entries.map((e) => e.entityId)).toEqual(order);
        expect(entries.every((e) => e.entity === 'comment')).toBe(true);
        const seqs = entries.map((e) => e.seq);
        expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);

        // Each refusal has its audit row, in order; the chain verifies.
        expect(await refusalsOf(h, clientId, auditBefore)).toEqual([...expected]);
        expect((await verifyAuditChain(h.server.db)).ok).toBe(true);
        expect((await clientRow(h, clientId))?.lastMutationId).toBe(MAX_PUSH_BATCH);
      } finally {
        socket.close();
      }
    });

    it('later mutations of a batch see the earlier ones (edit, delete, reply, re-create)', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const where = { meetingId: m.meetingId, agendaItemId: m.itemIds[0] };
      const logHead = await changeLogHead(h);
      try {
        const answer = await pushOk(socket, clientId, [
          mutation(1, 'comment.create', { ...where, id: a, parentId: null, body: 'A' }),
          mutation(2, 'comment.create', { ...where, id: b, parentId: null, body: 'B' }),
          mutation(3, 'comment.edit', { id: a, body: 'A sửa' }),
          mutation(4, 'comment.delete', { id: b }),
          mutation(5, 'comment.create', { ...where, id: c, parentId: a, body: 'Trả lời A' }),
          mutation(6, 'comment.edit', { id: b, body: 'B đã xoá' }),
          mutation(7, 'position.set', { ...where, stance: 'wish_to_speak', note: '' }),
          mutation(8, 'comment.create', { ...where, id: d, parentId: b, body: 'Trả lời B' }),
          mutation(9, 'comment.delete', { id: a }),
          mutation(10, 'comment.create', { ...where, id: a, parentId: null, body: 'A lần hai' }),
          mutation(11, 'position.set', { ...where, stance: 'object', note: 'Đổi ý' }),
        ]);
        expect(answer.acks.map(outcomeOf)).toEqual([
          'applied',
          'applied',
          'applied',
          'applied',
          'applied',
          'NOT_FOUND', // B was deleted by mutation 4
          'applied',
          'applied',
          'applied',
          'INVALID_ARGS', // A's id is taken
          'applied',
        ]);
        const rows = await h.server.db
          .select()
          .from(comments)
          .where(inArray(comments.id, [a, b, c, d]));
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(byId.get(a)).toMatchObject({ body: '', parentId: null });
        expect(byId.get(a)?.deletedAt).not.toBeNull();
        expect(byId.get(a)?.editedAt).not.toBeNull();
        expect(byId.get(b)).toMatchObject({ body: '' });
        expect(byId.get(c)).toMatchObject({ parentId: a, body: 'Trả lời A' });
        expect(byId.get(d)).toMatchObject({ parentId: b, body: 'Trả lời B' });
        const [stance] = await h.server.db
          .select()
          .from(positions)
          .where(eq(positions.meetingId, m.meetingId));
        expect(stance).toMatchObject({ stance: 'object', note: 'Đổi ý' });
        const entries = await entriesOf(h, m.meetingId, logHead);
        const position = `${m.itemIds[0]}:${m.people[0]!.user.id}`;
        expect(entries.map((e) => e.entityId)).toEqual([a, b, a, b, c, position, d, a, position]);
      } finally {
        socket.close();
      }
    });

    it('text PostgreSQL cannot store is decided per mutation, alike in a group and alone: U+0000 refused, a lone surrogate stored as U+FFFD', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const socket = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      const where = { meetingId: m.meetingId, agendaItemId: m.itemIds[0] };
      const [nul, lone, after] = [randomUUID(), randomUUID(), randomUUID()];
      const logHead = await changeLogHead(h);
      try {
        // Before the fix each of 1, 2 and 3 failed the whole transaction (INTERNAL on every
        // resend: the queue blocked for good), and 2 only in the group path.
        const answer = await pushOk(socket, clientId, [
          mutation(1, 'comment.create', { ...where, id: nul, parentId: null, body: 'a\u0000b' }),
          mutation(2, 'comment.create', { ...where, id: lone, parentId: null, body: 'a\ud800b' }),
          mutation(3, 'position.set', { ...where, stance: 'object', note: 'x\u0000' }),
          mutation(4, 'position.set', { ...where, stance: 'object', note: '\udc00y' }),
          mutation(5, 'comment.edit', { id: lone, body: 'c\ud83d' }),
          mutation(6, 'comment.create', { ...where, id: after, parentId: lone, body: 'Sau' }),
        ]);
        expect(answer.acks.map(outcomeOf)).toEqual([
          'INVALID_ARGS',
          'applied',
          'INVALID_ARGS',
          'applied',
          'applied',
          'applied',
        ]);
        const rows = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        const byId = new Map(rows.map((r) => [r.id, r.body]));
        expect(byId.has(nul)).toBe(false);
        expect(byId.get(lone)).toBe('c\ufffd');
        expect(byId.get(after)).toBe('Sau');
        const [stance] = await h.server.db
          .select()
          .from(positions)
          .where(eq(positions.meetingId, m.meetingId));
        expect(stance?.note).toBe('\ufffdy');
        // The change log carries what was stored (create, position, edit, reply).
        const logged = await h.server.db
          .select({ entityId: changeLog.entityId, data: changeLog.data })
          .from(changeLog)
          .where(and(eq(changeLog.meetingId, m.meetingId), gt(changeLog.seq, logHead)))
          .orderBy(asc(changeLog.seq));
        const bodies = logged.map((e) => e.data as { body?: string; note?: string });
        expect(bodies.map((b) => b.body ?? b.note)).toEqual([
          'a\ufffdb',
          '\ufffdy',
          'c\ufffd',
          'Sau',
        ]);
        expect((await verifyAuditChain(h.server.db)).ok).toBe(true);
        expect((await clientRow(h, clientId))?.lastMutationId).toBe(6);
      } finally {
        socket.close();
      }
    });

    it(`a batch longer than PUSH_CHUNK (${PUSH_CHUNK}) commits chunk by chunk, each announced after its commit`, async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}] });
      const member = m.people[0]!;
      const clientId = randomUUID();
      const total = PUSH_CHUNK + 40;
      const ids = Array.from({ length: total + 1 }, () => randomUUID());
      const where = { meetingId: m.meetingId, agendaItemId: m.itemIds[0] };
      const batch: MutationEnvelope[] = [];
      for (let n = 1; n <= total; n += 1) {
        if (n === PUSH_CHUNK + 10)
          batch.push(mutation(n, 'comment.edit', { id: ids[1], body: 'Sửa ở phần sau' }));
        else if (n === PUSH_CHUNK + 20)
          batch.push(
            mutation(n, 'comment.create', { ...where, id: ids[n], parentId: ids[2], body: 'Đáp' }),
          );
        else
          batch.push(
            mutation(n, 'comment.create', { ...where, id: ids[n], parentId: null, body: `${n}` }),
          );
      }
      // The socket refuses batches over MAX_PUSH_BATCH; the chunking is exercised in-process.
      const commits: Committed[] = [];
      const stop = h.server.context.hooks.onCommitted((c) => {
        if (c.changes.some((e) => e.meetingId === m.meetingId)) commits.push(c);
      });
      try {
        // A gap after the first chunk: that chunk commits, the answer expects the missing id.
        const gapped = await applyPush(h.server.context, principalOf(member), {
          clientId,
          mutations: [...batch.slice(0, PUSH_CHUNK + 1), ...batch.slice(PUSH_CHUNK + 2)],
        });
        expect(gapped.expectedMutationId).toBe(PUSH_CHUNK + 2);
        expect(gapped.acks.map(outcomeOf)).toEqual(Array(PUSH_CHUNK + 1).fill('applied'));
        expect(commits.map((c) => c.changes.length)).toEqual([PUSH_CHUNK, 1]);

        const answer = await applyPush(h.server.context, principalOf(member), {
          clientId,
          mutations: batch,
        });
        expect(answer.expectedMutationId).toBeNull();
        expect(answer.acks.map(outcomeOf)).toEqual([
          ...Array<string>(PUSH_CHUNK + 1).fill('duplicate'),
          ...Array<string>(total - PUSH_CHUNK - 1).fill('applied'),
        ]);
        expect(commits).toHaveLength(3);
        const [edited] = await h.server.db.select().from(comments).where(eq(comments.id, ids[1]!));
        expect(edited?.body).toBe('Sửa ở phần sau');
        const [reply] = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.id, ids[PUSH_CHUNK + 20]!));
        expect(reply?.parentId).toBe(ids[2]);
        // Every commit's seqs follow the previous one's, without a gap.
        const seqs = commits.flatMap((c) => c.changes.map((e) => e.seq));
        expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
        expect((await clientRow(h, clientId))?.lastMutationId).toBe(total);
      } finally {
        stop();
      }
    });
  });
}
