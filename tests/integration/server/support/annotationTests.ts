import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../../shared/domain/annotation.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import { connectSession, pullAll, type Harness, type Session } from './harness.ts';
import { highlightArgs, meetingWithPaper, type PaperMeeting } from './paperMeeting.ts';
import { mutation, pushOk } from './writeFixture.ts';

const codes = (acks: { status: string; code?: string }[]): string[] =>
  acks.map((a) => a.code ?? a.status);

/** The last record each annotation id had in `changes`, or null once a delete came after it. */
function annotationsIn(changes: Change[]): Map<string, AnnotationRecord | null> {
  const out = new Map<string, AnnotationRecord | null>();
  for (const c of changes) {
    if (c.entity !== 'annotation') continue;
    out.set(c.op === 'upsert' ? c.data.id : c.id, c.op === 'upsert' ? c.data : null);
  }
  return out;
}

function createArgs(m: PaperMeeting, visibility: string, id = randomUUID()) {
  return highlightArgs(m, visibility, id, `ghi chú ${visibility}`);
}

async function seen(h: Harness, who: Session): Promise<Map<string, AnnotationRecord | null>> {
  const socket = await connectSession(h.url, who);
  try {
    return annotationsIn((await pullAll(socket)).changes);
  } finally {
    socket.disconnect();
  }
}

export function annotationTests(get: () => Harness): void {
  describe('annotations', () => {
    it('reach exactly their audience: private → author; secretariat → author and staff; participants → everyone', async () => {
      const h = get();
      const m = await meetingWithPaper(h, 2);
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const ids = { priv: randomUUID(), sec: randomUUID(), all: randomUUID() };
      const socket = await connectSession(h.url, alice);
      try {
        const r = await pushOk(socket, randomUUID(), [
          mutation(1, 'annotation.create', createArgs(m, 'private', ids.priv)),
          mutation(2, 'annotation.create', createArgs(m, 'secretariat', ids.sec)),
          mutation(3, 'annotation.create', createArgs(m, 'participants', ids.all)),
        ]);
        expect(codes(r.acks)).toEqual(['applied', 'applied', 'applied']);
      } finally {
        socket.disconnect();
      }
      const mine = await seen(h, alice);
      expect([...mine.keys()].sort()).toEqual(Object.values(ids).sort());
      expect(mine.get(ids.priv)).toMatchObject({ authorId: alice.user.id, deletedAt: null });
      expect([...(await seen(h, bob)).keys()]).toEqual([ids.all]);
      expect([...(await seen(h, m.staff)).keys()].sort()).toEqual([ids.sec, ids.all].sort());
    });

    it('only the author updates or deletes (NOT_AUTHOR); others cannot even probe private ones (NOT_FOUND)', async () => {
      const h = get();
      const m = await meetingWithPaper(h, 2);
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const [shared, hidden] = [randomUUID(), randomUUID()];
      const aliceSocket = await connectSession(h.url, alice);
      const bobSocket = await connectSession(h.url, bob);
      try {
        await pushOk(aliceSocket, randomUUID(), [
          mutation(1, 'annotation.create', createArgs(m, 'participants', shared)),
          mutation(2, 'annotation.create', createArgs(m, 'private', hidden)),
        ]);
        const b = await pushOk(bobSocket, randomUUID(), [
          mutation(1, 'annotation.update', { id: shared, patch: { color: '#ff0000' } }),
          mutation(2, 'annotation.delete', { id: shared }),
          mutation(3, 'annotation.update', { id: hidden, patch: { body: 'x' } }),
          mutation(4, 'annotation.create', createArgs(m, 'private', shared)),
          mutation(5, 'annotation.create', { ...createArgs(m, 'private'), sha256: 'a'.repeat(64) }),
          mutation(6, 'annotation.create', { ...createArgs(m, 'private'), pageIndex: 2 }),
        ]);
        expect(codes(b.acks)).toEqual([
          'NOT_AUTHOR',
          'NOT_AUTHOR',
          'NOT_FOUND',
          'INVALID_ARGS',
          'NOT_FOUND',
          'INVALID_ARGS',
        ]);
        const a = await pushOk(aliceSocket, randomUUID(), [
          mutation(1, 'annotation.update', {
            id: shared,
            patch: { shape: { kind: 'note', point: { x: 10, y: 10 } } },
          }),
          mutation(2, 'annotation.update', {
            id: shared,
            patch: { color: '#00aa00', body: 'sửa' },
          }),
          mutation(3, 'annotation.delete', { id: hidden }),
          mutation(4, 'annotation.delete', { id: hidden }),
          mutation(5, 'annotation.update', { id: hidden, patch: { body: 'sau khi xóa' } }),
        ]);
        expect(codes(a.acks)).toEqual([
          'INVALID_ARGS',
          'applied',
          'applied',
          'applied',
          'NOT_FOUND',
        ]);
      } finally {
        aliceSocket.disconnect();
        bobSocket.disconnect();
      }
      const bobSees = await seen(h, bob);
      expect(bobSees.get(shared)).toMatchObject({ color: '#00aa00', body: 'sửa' });
      expect(bobSees.has(hidden)).toBe(false);
      const tombstone = (await seen(h, alice)).get(hidden);
      expect(tombstone?.body).toBe('');
      expect(tombstone?.deletedAt).not.toBeNull();
    });

    it('narrowing the visibility withdraws it from those who leave the audience', async () => {
      const h = get();
      const m = await meetingWithPaper(h, 2);
      const [alice, bob] = [m.people[0]!, m.people[1]!];
      const id = randomUUID();
      const socket = await connectSession(h.url, alice);
      try {
        await pushOk(socket, randomUUID(), [
          mutation(1, 'annotation.create', createArgs(m, 'participants', id)),
        ]);
        expect((await seen(h, bob)).get(id)).toMatchObject({ visibility: 'participants' });
        const r = await pushOk(socket, randomUUID(), [
          mutation(1, 'annotation.update', { id, patch: { visibility: 'private' } }),
        ]);
        expect(codes(r.acks)).toEqual(['applied']);
      } finally {
        socket.disconnect();
      }
      expect((await seen(h, bob)).get(id)).toBeNull();
      expect((await seen(h, m.staff)).get(id)).toBeNull();
      expect((await seen(h, alice)).get(id)).toMatchObject({ visibility: 'private' });
    });
  });
}
