import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readRow, refreshOverlay } from '../../../electron/core/outbox/overlay.ts';
import { ReplicaOwner } from '../../../electron/core/store/ReplicaOwner.ts';
import type { Comment } from '../../../shared/domain/comment.ts';
import { makeUser } from '../../support/syncFixtures.ts';
import { rows, writeHarness, type WriteHarness } from './writeHarness.ts';

function createComment(h: WriteHarness, body: string): string {
  return h.comments.create({ agendaItemId: h.bundle.item.id, parentId: null, body }).comment.id;
}

function outboxIds(h: WriteHarness): number[] {
  return rows(h.db, 'SELECT mutation_id FROM outbox ORDER BY mutation_id').map((r) =>
    Number(r['mutation_id']),
  );
}

/** The server's version of a comment the device created (server times, same id). */
function serverComment(h: WriteHarness, id: string, over: Partial<Comment> = {}): Comment {
  const view = h.comments.list(h.bundle.item.id).comments.find((c) => c.comment.id === id)?.comment;
  if (!view) throw new Error('no such comment');
  return { ...view, createdAt: '2026-01-10T08:00:05.000Z', ...over };
}

describe('outbox writes', () => {
  it('allocates contiguous ids from 1; each write stores the optimistic row and the outbox row together', () => {
    const h = writeHarness();
    const a = createComment(h, 'Một');
    createComment(h, 'Hai');
    h.comments.edit({ id: a, body: 'Một (sửa)' });
    h.positions.set({ agendaItemId: h.bundle.item.id, stance: 'wish_to_speak', note: '' });
    expect(outboxIds(h)).toEqual([1, 2, 3, 4]);
    expect(h.written).toEqual([1, 2, 3, 4]);
    expect(h.outbox.client()).toMatchObject({
      userId: h.me.id,
      lastMutationId: 4,
      ackedThrough: 0,
    });
    expect(h.outbox.counts()).toEqual({ pending: 4, rejected: 0 });
    // Local rows: no server record yet, an optimistic one, pending.
    for (const r of rows(h.db, 'SELECT json, local_json, pending FROM comments'))
      expect([r['json'], r['local_json'] instanceof Uint8Array, r['pending']]).toEqual([
        null,
        true,
        1,
      ]);
    expect(readRow(h.ctx, { table: 'comments', id: a })?.view?.body).toBe('Một (sửa)');
    // Sealed: neither the args nor the records are readable on disk.
    for (const r of rows(h.db, 'SELECT args FROM outbox'))
      expect(Buffer.from(r['args'] as Uint8Array).toString('latin1')).not.toContain('Một');
  });

  it('a write that fails commits nothing and uses no id', () => {
    const h = writeHarness();
    createComment(h, 'Một');
    const mutation = {
      kind: 'comment.create' as const,
      args: {
        id: randomUUID(),
        meetingId: h.bundle.meeting.id,
        agendaItemId: h.bundle.item.id,
        parentId: null,
        body: 'x',
      },
    };
    // meeting_id NOT NULL fails after the id was allocated, inside the transaction.
    expect(() =>
      h.outbox.write({ mutation, userId: h.me.id, meetingId: null as never, clientTime: 1 }),
    ).toThrow();
    expect(rows(h.db, 'SELECT id FROM comments WHERE id = ?', mutation.args.id)).toEqual([]);
    createComment(h, 'Ba');
    expect(outboxIds(h)).toEqual([1, 2]);
  });

  it('batches go in id order, at most `limit` and at most `maxBytes` (but at least one)', () => {
    const h = writeHarness();
    for (let i = 0; i < 7; i++) createComment(h, `Ý kiến ${i} ${'x'.repeat(200)}`);
    expect(h.outbox.nextBatch(3, 1 << 20)?.mutations.map((m) => m.mutationId)).toEqual([1, 2, 3]);
    expect(h.outbox.nextBatch(500, 1000)?.mutations.map((m) => m.mutationId)).toEqual([1, 2]);
    expect(h.outbox.nextBatch(500, 10)?.mutations.map((m) => m.mutationId)).toEqual([1]);
    const batch = h.outbox.nextBatch(500, 1 << 20);
    expect(batch?.clientId).toBe(h.outbox.client()?.clientId);
    expect(batch?.mutations[0]).toMatchObject({
      mutationId: 1,
      kind: 'comment.create',
      args: { body: expect.stringContaining('Ý kiến 0') as unknown },
    });
    h.outbox.settle([1, 2, 3].map((mutationId) => ({ mutationId, status: 'applied' as const })));
    expect(h.outbox.nextBatch(500, 1 << 20)?.mutations.map((m) => m.mutationId)).toEqual([
      4, 5, 6, 7,
    ]);
  });
});

describe('acks', () => {
  it('applied and duplicate settle; a refusal undoes the change at once and is kept; the queue moves past it', () => {
    const h = writeHarness();
    const [a, b, c] = ['Một', 'Hai', 'Ba'].map((body) => createComment(h, body));
    const result = h.outbox.settle([
      { mutationId: 1, status: 'applied' },
      { mutationId: 2, status: 'rejected', code: 'NOT_FOUND', message: 'item gone' },
      { mutationId: 3, status: 'duplicate' },
    ]);
    expect(result).toMatchObject({ applied: 2, rejected: 1, violation: null });
    expect(h.outbox.counts()).toEqual({ pending: 0, rejected: 1 });
    expect(h.outbox.nextBatch(500, 1 << 20)).toBeNull();
    // The refused comment is gone from the replica; the applied ones still show, not pending.
    expect(readRow(h.ctx, { table: 'comments', id: b ?? '' })).toBeNull();
    expect(readRow(h.ctx, { table: 'comments', id: a ?? '' })).toMatchObject({
      pending: false,
      local: true,
      server: null,
    });
    expect(h.outbox.rejected().map((r) => r.rejection)).toEqual([
      expect.objectContaining({
        mutationId: 2,
        kind: 'comment.create',
        summary: 'Hai',
        code: 'NOT_FOUND',
        message: 'item gone',
        rejectedAt: h.clock.now,
      }),
    ]);
    // The echo: a pull that started after the ack brings the server's records; then the
    // applied mutations are forgotten and the rows show the server's records.
    const epoch = h.outbox.ackEpoch();
    h.pull([
      h.log.upsert('comment', serverComment(h, a ?? '')),
      h.log.upsert('comment', serverComment(h, c ?? '')),
    ]);
    h.outbox.clearEchoed(epoch);
    expect(rows(h.db, 'SELECT mutation_id, state FROM outbox')).toEqual([
      { mutation_id: 2, state: 'rejected' },
    ]);
    expect(readRow(h.ctx, { table: 'comments', id: a ?? '' })).toMatchObject({
      local: false,
      pending: false,
      view: { createdAt: '2026-01-10T08:00:05.000Z' },
    });
    expect(h.outbox.dismiss(2)).toBe(true);
    expect(h.outbox.dismiss(2)).toBe(false);
    expect(h.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('an applied ack moves only the pending flag, as a full refresh would; an echo with nothing left clears the row', () => {
    const h = writeHarness();
    const a = createComment(h, 'Một');
    h.comments.edit({ id: a, body: 'Một (sửa)' });
    const b = createComment(h, 'Hai');
    const target = (id: string) => ({ table: 'comments' as const, id });
    /** The row, then the row after a full refreshOverlay: the fast paths must leave it so. */
    const asRefreshed = (id: string) => {
      const before = readRow(h.ctx, target(id));
      refreshOverlay(h.ctx, target(id));
      expect(readRow(h.ctx, target(id))).toEqual(before);
      return before;
    };

    h.outbox.settle([{ mutationId: 1, status: 'applied' }]);
    expect(asRefreshed(a)).toMatchObject({
      pending: true,
      local: true,
      view: { body: 'Một (sửa)' },
    });
    h.outbox.settle([
      { mutationId: 2, status: 'applied' },
      { mutationId: 3, status: 'duplicate' },
    ]);
    expect(asRefreshed(a)).toMatchObject({
      pending: false,
      local: true,
      view: { body: 'Một (sửa)' },
    });
    expect(asRefreshed(b)).toMatchObject({ pending: false, local: true, server: null });

    // A row with a change still waiting after the echo keeps its fold on the new server record.
    const c = createComment(h, 'Ba');
    h.outbox.settle([{ mutationId: 4, status: 'applied' }]);
    const epoch = h.outbox.ackEpoch();
    h.comments.edit({ id: c, body: 'Ba (sửa)' });
    h.pull([
      h.log.upsert('comment', serverComment(h, a)),
      h.log.upsert('comment', { ...serverComment(h, c), body: 'Ba' }),
    ]);
    expect(h.outbox.clearEchoed(epoch)).toEqual(new Set(['comments']));
    expect(outboxIds(h)).toEqual([5]);
    // Echoed, nothing left: the server's record alone.
    expect(readRow(h.ctx, target(a))).toMatchObject({
      local: false,
      pending: false,
      view: { body: 'Một (sửa)', createdAt: '2026-01-10T08:00:05.000Z' },
    });
    // Never came back from the server and nothing left: gone, as a full refresh decides.
    expect(readRow(h.ctx, target(b))).toBeNull();
    expect(asRefreshed(c)).toMatchObject({
      local: true,
      pending: true,
      view: { body: 'Ba (sửa)' },
      server: { body: 'Ba' },
    });
  });

  it('an ack out of order is a violation: the acks before it count, nothing after', () => {
    const h = writeHarness();
    for (const body of ['1', '2', '3']) createComment(h, body);
    const result = h.outbox.settle([
      { mutationId: 1, status: 'applied' },
      { mutationId: 3, status: 'applied' },
    ]);
    expect(result.violation).toMatch(/3 while 2/);
    expect(h.outbox.client()?.ackedThrough).toBe(1);
    // A replayed ack (already settled) is ignored.
    expect(
      h.outbox.settle([{ mutationId: 1, status: 'rejected', code: 'NOT_FOUND', message: '' }]),
    ).toMatchObject({ applied: 0, rejected: 0, violation: null });
    expect(h.outbox.counts()).toEqual({ pending: 2, rejected: 0 });
  });

  it('MUTATION_GAP: resends from the expected id when the device still has it, reports it when not', () => {
    const h = writeHarness();
    for (const body of ['1', '2', '3', '4']) createComment(h, body);
    h.outbox.settle([
      { mutationId: 1, status: 'applied' },
      { mutationId: 2, status: 'rejected', code: 'NOT_FOUND', message: '' },
      { mutationId: 3, status: 'applied' },
    ]);
    // The server lost 2 and 3 (restored from a backup): both are still here → resend.
    expect(h.outbox.rewind(2).outcome).toBe('resend');
    expect(h.outbox.client()?.ackedThrough).toBe(1);
    expect(h.outbox.nextBatch(500, 1 << 20)?.mutations.map((m) => m.mutationId)).toEqual([2, 3, 4]);
    expect(h.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
    // 1 was echoed and forgotten: a server expecting 1 cannot be served.
    h.outbox.clearEchoed(h.outbox.ackEpoch());
    expect(h.outbox.rewind(1).outcome).toBe('missing');
    expect(h.outbox.rewind(9).outcome).toBe('invalid');
    expect(h.outbox.client()?.ackedThrough).toBe(1);
  });
});

describe('pulls and local changes', () => {
  it('a pull never clobbers a pending edit; the server record is kept underneath and shows after a refusal', () => {
    const h = writeHarness();
    const id = createComment(h, 'Gốc');
    h.outbox.settle([{ mutationId: 1, status: 'applied' }]);
    const epoch = h.outbox.ackEpoch();
    const server = serverComment(h, id, { body: 'Gốc' });
    h.pull([h.log.upsert('comment', server)]);
    h.outbox.clearEchoed(epoch);
    h.comments.edit({ id, body: 'Bản sửa trên máy này' });
    // Another device of the same member edited meanwhile; its edit arrives by a pull.
    h.pull([
      h.log.upsert('comment', {
        ...server,
        body: 'Bản sửa máy khác',
        editedAt: '2026-01-10T09:00:00.000Z',
      }),
    ]);
    const row = readRow(h.ctx, { table: 'comments', id });
    expect(row).toMatchObject({
      pending: true,
      view: { body: 'Bản sửa trên máy này' },
      server: { body: 'Bản sửa máy khác' },
    });
    h.outbox.settle([{ mutationId: 2, status: 'rejected', code: 'NOT_AUTHOR', message: '' }]);
    expect(readRow(h.ctx, { table: 'comments', id })).toMatchObject({
      pending: false,
      local: false,
      view: { body: 'Bản sửa máy khác' },
    });
  });

  it('a server delete keeps a row with local changes; a meeting tombstone keeps only pending rows', () => {
    const h = writeHarness();
    const mine = createComment(h, 'Của tôi');
    const other = makeUser();
    const theirs: Comment = {
      id: randomUUID(),
      meetingId: h.bundle.meeting.id,
      agendaItemId: h.bundle.item.id,
      parentId: null,
      authorId: other.id,
      body: 'Của người khác',
      createdAt: '2026-01-09T00:00:00.000Z',
      editedAt: null,
      deletedAt: null,
    };
    h.pull([h.log.upsert('comment', theirs), h.log.delete('comment', mine)]);
    expect(readRow(h.ctx, { table: 'comments', id: mine })?.pending).toBe(true);
    h.pull([h.log.delete('meeting', h.bundle.meeting.id)]);
    expect(rows(h.db, 'SELECT id FROM comments').map((r) => r['id'])).toEqual([mine]);
    h.outbox.settle([{ mutationId: 1, status: 'rejected', code: 'NOT_FOUND', message: '' }]);
    expect(rows(h.db, 'SELECT id FROM comments')).toEqual([]);
  });

  it('another user claiming the replica wipes the outbox; the next write starts a new client at 1', () => {
    const h = writeHarness();
    createComment(h, 'Một');
    const before = h.outbox.client()?.clientId;
    const owner = new ReplicaOwner(h.db);
    owner.claim(h.me.id, 'https://a.example');
    owner.claim(makeUser().id, 'https://a.example');
    expect(h.outbox.client()).toBeNull();
    expect(rows(h.db, 'SELECT * FROM outbox')).toEqual([]);
    h.pull(h.bundle.changes);
    createComment(h, 'Hai');
    expect(h.outbox.client()).toMatchObject({ lastMutationId: 1 });
    expect(h.outbox.client()?.clientId).not.toBe(before);
  });
});
