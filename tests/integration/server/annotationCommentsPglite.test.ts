import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import { uploadVersionResponseSchema } from '../../../shared/protocol/admin.ts';
import type { Change } from '../../../shared/protocol/changes.ts';
import {
  connectSession,
  pullAll,
  startHarness,
  type Harness,
  type Session,
} from './support/harness.ts';
import { uploadPdf } from './support/meetings.ts';
import { makePdf } from './support/pdfs.ts';
import { meetingWithPaper, highlightArgs } from './support/paperMeeting.ts';
import { mutation, pushOk } from './support/writeFixture.ts';

// Comments on annotations and durable re-anchoring, against the real server on PGlite: who
// receives a comment (exactly its annotation's audience, tombstones when that narrows or the
// annotation goes), author-only changes, and the move of an annotation onto a new version.

/** The last state of each record of `entity` in `changes` (null once deleted). */
function fold<T extends { id: string }>(changes: Change[], entity: string): Map<string, T | null> {
  const out = new Map<string, T | null>();
  for (const c of changes) {
    if (c.entity !== entity) continue;
    out.set(
      c.op === 'upsert' ? c.data.id : c.id,
      c.op === 'upsert' ? (c.data as unknown as T) : null,
    );
  }
  return out;
}

async function pulled(h: Harness, who: Session): Promise<Change[]> {
  const socket = await connectSession(h.url, who);
  try {
    return (await pullAll(socket)).changes;
  } finally {
    socket.disconnect();
  }
}

/** Ids of the live comments of `m` that `who` holds after a full pull, sorted (staff see
 * every meeting of the shared server). */
async function commentsHeld(h: Harness, who: Session, m: { meetingId: string }): Promise<string[]> {
  const held = fold<AnnotationComment>(await pulled(h, who), 'annotationComment');
  return [...held]
    .flatMap(([id, c]) => (c === null || c.meetingId !== m.meetingId ? [] : [id]))
    .sort();
}

/** Pushes as `who` (a fresh client id) and returns the ack codes. */
async function pushAs(h: Harness, who: Session, kinds: [string, unknown][]): Promise<string[]> {
  const socket = await connectSession(h.url, who);
  try {
    const r = await pushOk(
      socket,
      randomUUID(),
      kinds.map(([kind, args], i) => mutation(i + 1, kind, args)),
    );
    return r.acks.map((a) => (a.status === 'rejected' ? a.code : a.status));
  } finally {
    socket.disconnect();
  }
}

const comment = (
  annotationId: string,
  body: string,
  parentId: string | null = null,
  id = randomUUID(),
) => ['annotationComment.create', { id, annotationId, parentId, body }] as [string, unknown];

describe('comments on annotations (server, PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a thread on a shared annotation reaches everyone who sees the annotation; replies nest', async () => {
    const m = await meetingWithPaper(h, 3);
    const [alice, bob, carol] = [m.people[0]!, m.people[1]!, m.people[2]!];
    const a = randomUUID();
    const [c1, c2, c3] = [randomUUID(), randomUUID(), randomUUID()];
    expect(
      await pushAs(h, alice, [['annotation.create', highlightArgs(m, 'participants', a)]]),
    ).toEqual(['applied']);
    expect(await pushAs(h, bob, [comment(a, 'Vì sao <b>30</b> ngày?', null, c1)])).toEqual([
      'applied',
    ]);
    expect(await pushAs(h, alice, [comment(a, 'Theo Luật', c1, c2)])).toEqual(['applied']);
    expect(await pushAs(h, m.staff, [comment(a, 'Văn phòng ghi nhận', c2, c3)])).toEqual([
      'applied',
    ]);
    for (const who of [alice, bob, carol, m.staff])
      expect(await commentsHeld(h, who, m)).toEqual([c1, c2, c3].sort());
    const held = fold<AnnotationComment>(await pulled(h, carol), 'annotationComment');
    expect(held.get(c1)).toMatchObject({
      annotationId: a,
      parentId: null,
      authorId: bob.user.id,
      body: 'Vì sao <b>30</b> ngày?',
      meetingId: m.meetingId,
      deletedAt: null,
    });
    expect(held.get(c3)).toMatchObject({ parentId: c2, authorId: m.staff.user.id });
  });

  it('on a private annotation only its author may comment, and only the author receives it', async () => {
    const m = await meetingWithPaper(h, 2);
    const [alice, bob] = [m.people[0]!, m.people[1]!];
    const [priv, sec] = [randomUUID(), randomUUID()];
    await pushAs(h, alice, [
      ['annotation.create', highlightArgs(m, 'private', priv)],
      ['annotation.create', highlightArgs(m, 'secretariat', sec)],
    ]);
    const own = randomUUID();
    expect(await pushAs(h, alice, [comment(priv, 'nhắc mình', null, own)])).toEqual(['applied']);
    // Bob cannot see either: the same NOT_FOUND as for an annotation that does not exist.
    expect(
      await pushAs(h, bob, [comment(priv, 'x'), comment(sec, 'x'), comment(randomUUID(), 'x')]),
    ).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    // Staff see the secretariat one, so they may answer it; not the private one.
    const staffNote = randomUUID();
    expect(
      await pushAs(h, m.staff, [comment(sec, 'Đã nhận', null, staffNote), comment(priv, 'x')]),
    ).toEqual(['applied', 'NOT_FOUND']);
    expect(await commentsHeld(h, alice, m)).toEqual([own, staffNote].sort());
    expect(await commentsHeld(h, bob, m)).toEqual([]);
    expect(await commentsHeld(h, m.staff, m)).toEqual([staffNote]);
  });

  it('narrowing the annotation withdraws its comments from those who lose it; widening brings them back', async () => {
    const m = await meetingWithPaper(h, 2);
    const [alice, bob] = [m.people[0]!, m.people[1]!];
    const a = randomUUID();
    const c = randomUUID();
    await pushAs(h, alice, [['annotation.create', highlightArgs(m, 'participants', a)]]);
    await pushAs(h, bob, [comment(a, 'Ý kiến của Bob', null, c)]);
    expect(await commentsHeld(h, bob, m)).toEqual([c]);

    expect(
      await pushAs(h, alice, [['annotation.update', { id: a, patch: { visibility: 'private' } }]]),
    ).toEqual(['applied']);
    expect(await commentsHeld(h, bob, m)).toEqual([]);
    expect(await commentsHeld(h, m.staff, m)).toEqual([]);
    expect(await commentsHeld(h, alice, m)).toEqual([c]);
    // Bob can no longer act on his own comment: it is as unknown as one that never existed.
    expect(await pushAs(h, bob, [['annotationComment.edit', { id: c, body: 'sửa' }]])).toEqual([
      'NOT_FOUND',
    ]);

    await pushAs(h, alice, [
      ['annotation.update', { id: a, patch: { visibility: 'participants' } }],
    ]);
    expect(await commentsHeld(h, bob, m)).toEqual([c]);
  });

  /** Alice's annotation shared with all participants (`a`), with Bob's comment on it (`c`). */
  async function sharedAnnotationWithComment() {
    const m = await meetingWithPaper(h, 2);
    const [alice, bob] = [m.people[0]!, m.people[1]!];
    const a = randomUUID();
    await pushAs(h, alice, [['annotation.create', highlightArgs(m, 'participants', a)]]);
    const c = randomUUID();
    await pushAs(h, bob, [comment(a, 'Đồng ý', null, c)]);
    return { m, alice, bob, a, c };
  }

  it('deleting the annotation makes its comments disappear for everyone (tombstones)', async () => {
    const { m, alice, bob, a, c } = await sharedAnnotationWithComment();
    const before = (await pulled(h, bob)).length;
    await pushAs(h, alice, [['annotation.delete', { id: a }]]);
    const after = await pulled(h, bob);
    expect(
      after
        .slice(before)
        .some((x) => x.op === 'delete' && x.entity === 'annotationComment' && x.id === c),
    ).toBe(true);
    expect(await commentsHeld(h, bob, m)).toEqual([]);
    expect(await commentsHeld(h, alice, m)).toEqual([]);
    expect(await pushAs(h, bob, [comment(a, 'muộn')])).toEqual(['NOT_FOUND']);
  });

  it('restoring it (undo of the delete) brings it back under its id with its text and its comments; only the author may', async () => {
    const { m, alice, bob, a, c } = await sharedAnnotationWithComment();
    await pushAs(h, alice, [['annotation.delete', { id: a }]]);
    expect(await commentsHeld(h, bob, m)).toEqual([]);
    // Bob cannot restore Alice's annotation, nor one that does not exist.
    expect(
      await pushAs(h, bob, [
        ['annotation.restore', { id: a, body: 'x' }],
        ['annotation.restore', { id: randomUUID(), body: 'x' }],
      ]),
    ).toEqual(['NOT_AUTHOR', 'NOT_FOUND']);
    // Her two devices both undo: one effect.
    expect(
      await pushAs(h, alice, [
        ['annotation.restore', { id: a, body: 'Ghi chú khôi phục' }],
        ['annotation.restore', { id: a, body: 'lần hai' }],
      ]),
    ).toEqual(['applied', 'applied']);
    const held = fold<AnnotationRecord>(await pulled(h, bob), 'annotation').get(a);
    expect(held).toMatchObject({ id: a, deletedAt: null, body: 'Ghi chú khôi phục' });
    expect(await commentsHeld(h, bob, m)).toEqual([c]);
    expect(await commentsHeld(h, alice, m)).toEqual([c]);
    expect(await pushAs(h, bob, [comment(a, 'lại được rồi')])).toEqual(['applied']);
  });

  it('only the author edits or deletes a comment; replies stay on their annotation', async () => {
    const m = await meetingWithPaper(h, 2);
    const [alice, bob] = [m.people[0]!, m.people[1]!];
    const [a, b] = [randomUUID(), randomUUID()];
    await pushAs(h, alice, [
      ['annotation.create', highlightArgs(m, 'participants', a)],
      ['annotation.create', highlightArgs(m, 'participants', b)],
    ]);
    const c = randomUUID();
    await pushAs(h, alice, [comment(a, 'Gốc', null, c)]);
    expect(
      await pushAs(h, bob, [
        ['annotationComment.edit', { id: c, body: 'của Bob' }],
        ['annotationComment.delete', { id: c }],
        comment(b, 'trả lời nhầm chỗ', c),
        comment(a, 'trùng id', null, c),
        [
          'annotationComment.create',
          { id: randomUUID(), annotationId: a, parentId: null, body: '   ' },
        ],
      ]),
    ).toEqual(['NOT_AUTHOR', 'NOT_AUTHOR', 'NOT_FOUND', 'INVALID_ARGS', 'INVALID_ARGS']);
    expect(
      await pushAs(h, alice, [
        ['annotationComment.edit', { id: c, body: 'Gốc (sửa)' }],
        ['annotationComment.delete', { id: c }],
        ['annotationComment.delete', { id: c }],
        ['annotationComment.edit', { id: c, body: 'sau khi xóa' }],
      ]),
    ).toEqual(['applied', 'applied', 'applied', 'NOT_FOUND']);
    const held = fold<AnnotationComment>(await pulled(h, bob), 'annotationComment');
    expect(held.get(c)).toMatchObject({ body: '', authorId: alice.user.id });
    expect(held.get(c)?.deletedAt).not.toBeNull();
  });
});

describe('re-anchored placements made durable (annotation.reanchor)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("the author moves a highlight onto the new version once; others' and bad moves are refused", async () => {
    const m = await meetingWithPaper(h, 2);
    const [alice, bob] = [m.people[0]!, m.people[1]!];
    const a = randomUUID();
    await pushAs(h, alice, [
      ['annotation.create', { ...highlightArgs(m, 'participants', a), body: 'giữ nguyên' }],
    ]);
    const uploaded = await uploadPdf(h, m.staff.token, m.documentId, await makePdf(3));
    expect(uploaded.status).toBe(201);
    const v2 = uploadVersionResponseSchema.parse(uploaded.json).version;
    expect(v2.version).toBe(2);
    const move = {
      id: a,
      version: 2,
      sha256: v2.sha256,
      pageIndex: 2,
      shape: {
        kind: 'highlight',
        rects: [{ x: 72, y: 300, width: 90, height: 12 }],
        quote: { exact: 'Điều 1', prefix: 'Chương I ', suffix: ' Phạm vi' },
      },
    };
    expect(await pushAs(h, bob, [['annotation.reanchor', move]])).toEqual(['NOT_AUTHOR']);
    expect(
      await pushAs(h, alice, [
        ['annotation.reanchor', { ...move, sha256: 'c'.repeat(64) }],
        ['annotation.reanchor', { ...move, pageIndex: 3 }],
        ['annotation.reanchor', { ...move, shape: { kind: 'note', point: { x: 1, y: 1 } } }],
        ['annotation.reanchor', move],
        ['annotation.reanchor', { ...move, pageIndex: 1 }],
        ['annotation.reanchor', { ...move, version: 1, sha256: m.sha256, pageIndex: 0 }],
      ]),
    ).toEqual(['NOT_FOUND', 'INVALID_ARGS', 'INVALID_ARGS', 'applied', 'applied', 'applied']);
    const seen = fold<AnnotationRecord>(await pulled(h, bob), 'annotation').get(a);
    // The first move counted; the later ones (same or older version) changed nothing.
    expect(seen).toMatchObject({
      version: 2,
      sha256: v2.sha256,
      pageIndex: 2,
      body: 'giữ nguyên',
      shape: move.shape,
    });
    const moves = (await pulled(h, alice)).filter(
      (c) => c.entity === 'annotation' && c.op === 'upsert' && c.data.id === a,
    );
    expect(moves).toHaveLength(2); // the creation and the one move
  });
});
