import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract.ts';
import { ADMIN_ROUTES, uploadVersionResponseSchema } from '../../../shared/protocol/admin.ts';
import { sha256Hex } from '../../support/syncFixtures.ts';
import { eventually } from '../../support/coreHarness.ts';
import { http } from '../server/support/harness.ts';
import { uploadPdf } from '../server/support/meetings.ts';
import { makePdf } from '../server/support/pdfs.ts';
import { useWriteMeetingCores } from '../server/support/useWriteMeetingCores.ts';

// The real client core against the real server (PGlite): comments on annotations (pending
// while queued, threads, withdrawn with their annotation's audience), re-anchored placements
// made durable once, an older version's bytes, and reading positions kept per user.

describe('annotations in the client core against the server', () => {
  let documentId: string;
  let v1: { sha256: string; bytes: Uint8Array };
  const w = useWriteMeetingCores({ people: [{}, {}], publish: false }, async (h, m) => {
    documentId = randomUUID();
    const token = m.staff.token;
    const created = await http(h, 'POST', ADMIN_ROUTES.documents(m.meetingId), {
      token,
      json: { id: documentId, agendaItemId: m.itemIds[0], title: 'Tờ trình', kind: 'submission' },
    });
    expect(created.status).toBe(201);
    const bytes = await makePdf(2);
    const uploaded = await uploadPdf(h, token, documentId, bytes);
    v1 = { sha256: uploadVersionResponseSchema.parse(uploaded.json).version.sha256, bytes };
    expect((await http(h, 'POST', ADMIN_ROUTES.publish(m.meetingId), { token })).status).toBe(200);
  });
  const { signIn } = w;

  const highlight = (
    visibility: 'private' | 'participants',
  ): ChannelInput<'annotations:create'> => ({
    documentId,
    version: 1,
    pageIndex: 0,
    visibility,
    color: '#ffd400',
    body: '',
    shape: {
      kind: 'highlight',
      rects: [{ x: 72, y: 700, width: 100, height: 12 }],
      quote: { exact: 'Điều 1', prefix: '', suffix: ' Phạm vi' },
    },
  });

  it('comments thread under an annotation, pending until pushed, and leave with its audience', async () => {
    const alice = await signIn(0);
    const bob = await signIn(1);
    const a = await alice.call('annotations:create', highlight('participants'));
    const id = a.annotation.id;
    await eventually(async () =>
      (await bob.call('annotations:list', { documentId })).annotations.some(
        (v) => v.annotation.id === id,
      ),
    );

    const question = await bob.call('annotationComments:create', {
      annotationId: id,
      parentId: null,
      body: '<script>alert(1)</script> Vì sao 30 ngày?',
    });
    expect(question).toMatchObject({ pending: true, mine: true, depth: 0 });
    await eventually(async () => {
      const t = await alice.call('annotationComments:list', { annotationId: id });
      return t.comments.length === 1 && !t.comments[0]!.pending;
    });
    const answer = await alice.call('annotationComments:create', {
      annotationId: id,
      parentId: question.comment.id,
      body: 'Theo Luật Ban hành văn bản',
    });
    expect(answer.depth).toBe(1);
    expect(
      await alice.failCode('annotationComments:edit', { id: question.comment.id, body: 'sửa' }),
    ).toBe('NOT_AUTHOR');
    await eventually(async () => {
      const t = await bob.call('annotationComments:list', { annotationId: id });
      return t.comments.length === 2 && t.comments.every((c) => !c.pending);
    });
    const thread = await bob.call('annotationComments:list', { annotationId: id });
    expect(
      thread.comments.map((c) => [c.comment.body, c.depth, c.mine, c.authorName !== null]),
    ).toEqual([
      ['<script>alert(1)</script> Vì sao 30 ngày?', 0, true, true],
      ['Theo Luật Ban hành văn bản', 1, false, true],
    ]);

    // Alice makes it private: Bob loses the annotation and its comments; back when shared again.
    await alice.call('annotations:update', { id, patch: { visibility: 'private' } });
    await eventually(async () => {
      const r = await bob.core.dispatch('annotationComments:list', { annotationId: id });
      return !r.ok && r.error.code === 'NOT_FOUND';
    });
    expect(
      (await alice.call('annotationComments:list', { annotationId: id })).comments,
    ).toHaveLength(2);
    await alice.call('annotations:update', { id, patch: { visibility: 'participants' } });
    await eventually(async () => {
      const t = await bob.call('annotationComments:list', { annotationId: id }).catch(() => null);
      return t?.comments.length === 2;
    });

    // Bob deletes his own comment: it keeps its place, empty.
    await bob.call('annotationComments:delete', { id: question.comment.id });
    await eventually(async () => {
      const t = await alice.call('annotationComments:list', { annotationId: id });
      return t.comments[0]?.comment.deletedAt !== null && t.comments[0]?.comment.body === '';
    });
    expect(await bob.call('outbox:status', {})).toMatchObject({ rejected: [] });
  });

  it('re-anchored placements of my annotations become durable on the new version, once', async () => {
    const alice = await signIn(0);
    const bob = await signIn(1);
    const mine = await alice.call('annotations:create', {
      ...highlight('participants'),
      body: 'giữ',
    });
    const id = mine.annotation.id;
    await eventually(
      async () =>
        !(await alice.call('annotations:list', { documentId })).annotations.find(
          (v) => v.annotation.id === id,
        )?.pending,
    );
    const uploaded = await uploadPdf(w.h, w.m.staff.token, documentId, await makePdf(3));
    const v2 = uploadVersionResponseSchema.parse(uploaded.json).version;
    await eventually(async () => {
      try {
        return (
          (await alice.call('documents:readVersion', { documentId, version: 2 })).sha256 ===
          v2.sha256
        );
      } catch {
        return false;
      }
    });
    const placement = {
      annotationId: id,
      pageIndex: 2,
      rects: [{ x: 72, y: 300, width: 90, height: 12 }],
      quote: { exact: 'Điều 1', prefix: 'Chương I ', suffix: ' Phạm vi' },
    };
    // Bob's device never writes Alice's annotation.
    expect(
      await bob.call('annotations:place', { documentId, version: 2, placements: [placement] }),
    ).toMatchObject({ placed: [] });
    const placed = await alice.call('annotations:place', {
      documentId,
      version: 2,
      placements: [placement],
    });
    expect(placed.placed).toEqual([id]);
    expect(
      (await alice.call('annotations:place', { documentId, version: 2, placements: [placement] }))
        .placed,
    ).toEqual([]);
    await eventually(async () => {
      const seen = (await bob.call('annotations:list', { documentId })).annotations.find(
        (v) => v.annotation.id === id,
      );
      return seen?.annotation.version === 2 && seen.annotation.pageIndex === 2;
    });
    const after = (await alice.call('annotations:list', { documentId })).annotations.find(
      (v) => v.annotation.id === id,
    );
    expect(after?.annotation).toMatchObject({
      version: 2,
      sha256: v2.sha256,
      body: 'giữ',
      shape: { quote: placement.quote },
    });

    // The version it was annotated on stays readable (what changed), verified by its hash.
    const old = await alice.call('documents:readVersion', { documentId, version: 1 });
    expect(old.sha256).toBe(v1.sha256);
    expect(sha256Hex(Buffer.from(old.base64, 'base64'))).toBe(v1.sha256);
    expect(await alice.failCode('documents:readVersion', { documentId, version: 9 })).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps where each member left a paper in the core, per user and file version', async () => {
    const core = await signIn(0);
    const position = { page: 3, offsetPt: 120.5, zoom: { kind: 'percent' as const, value: 150 } };
    expect(await core.call('readingPositions:get', { documentId, sha256: v1.sha256 })).toEqual({
      position: null,
      sha256: null,
    });
    await core.call('readingPositions:set', { documentId, sha256: v1.sha256, position });
    expect(await core.call('readingPositions:get', { documentId, sha256: v1.sha256 })).toEqual({
      position,
      sha256: v1.sha256,
    });
    // Asked without a file (while the bytes are on their way): the kept one and its file.
    expect(await core.call('readingPositions:get', { documentId })).toEqual({
      position,
      sha256: v1.sha256,
    });
    // Another file version of the paper starts at the top.
    expect(await core.call('readingPositions:get', { documentId, sha256: 'f'.repeat(64) })).toEqual(
      { position: null, sha256: v1.sha256 },
    );

    // Bob on the same device has his own; Alice's survives his sign-in (and the replica wipe).
    await core.call('session:logout', {});
    await signIn(1, core);
    expect(await core.call('readingPositions:get', { documentId })).toEqual({
      position: null,
      sha256: null,
    });
    await core.call('readingPositions:set', {
      documentId,
      sha256: v1.sha256,
      position: { ...position, page: 1 },
    });
    await core.restart();
    await core.call('session:logout', {});
    await signIn(0, core);
    expect(await core.call('readingPositions:get', { documentId, sha256: v1.sha256 })).toEqual({
      position,
      sha256: v1.sha256,
    });
  });
});
