import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import type { AnnotationComment } from '../../../shared/domain/annotationComment.ts';
import { applyToAnnotationComment } from '../../../shared/sync/optimistic.ts';
import {
  annotationCommentUpsert,
  canSeeAnnotation,
  commentChangesFor,
} from '../../../server/src/annotations/annotationCommentRows.ts';

const author = randomUUID();
const other = randomUUID();
const meetingId = randomUUID();

function annotation(over: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: randomUUID(),
    meetingId,
    documentId: randomUUID(),
    version: 1,
    sha256: 'a'.repeat(64),
    pageIndex: 0,
    authorId: author,
    visibility: 'participants',
    color: '#ffd400',
    body: '',
    shape: { kind: 'note', point: { x: 1, y: 2 } },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}

function comment(annotationId: string, over: Partial<AnnotationComment> = {}): AnnotationComment {
  return {
    id: randomUUID(),
    meetingId,
    annotationId,
    parentId: null,
    authorId: other,
    body: 'Đồng ý',
    createdAt: '2026-01-02T00:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

describe('visibility of comments on annotations (server targeting)', () => {
  it('a comment reaches exactly its annotation audience', () => {
    const a = annotation();
    const c = comment(a.id);
    const target = (v: AnnotationRecord['visibility']) => {
      const e = annotationCommentUpsert(c, { ...a, visibility: v });
      return [e.entity, e.meetingId, e.targetUserId, e.ownerUserId];
    };
    expect(target('private')).toEqual(['annotationComment', meetingId, author, null]);
    expect(target('secretariat')).toEqual(['annotationComment', meetingId, null, author]);
    expect(target('participants')).toEqual(['annotationComment', meetingId, null, null]);
  });

  it('who can see an annotation (and so comment on it)', () => {
    const member = { userId: other, role: 'member' as const };
    const staff = { userId: other, role: 'secretariat' as const };
    const own = { userId: author, role: 'member' as const };
    for (const v of ['private', 'secretariat', 'participants'] as const) {
      const a = annotation({ visibility: v });
      expect(canSeeAnnotation(own, a)).toBe(true);
      expect(canSeeAnnotation(member, a)).toBe(v === 'participants');
      expect(canSeeAnnotation(staff, a)).toBe(v !== 'private');
    }
  });

  it('narrowing withdraws every comment from the old audience, then re-targets them', () => {
    const before = annotation({ visibility: 'participants' });
    const after = { ...before, visibility: 'private' as const };
    const cs = [comment(before.id), comment(before.id)];
    const changes = commentChangesFor(before, after, cs);
    expect(changes.map((c) => [c.op, c.entityId, c.targetUserId])).toEqual([
      ['delete', cs[0]!.id, null],
      ['delete', cs[1]!.id, null],
      ['upsert', cs[0]!.id, author],
      ['upsert', cs[1]!.id, author],
    ]);
    // Widening needs no withdrawal; an unchanged visibility needs nothing.
    const widened = commentChangesFor(after, before, cs);
    expect(widened.map((c) => [c.op, c.targetUserId])).toEqual([
      ['upsert', null],
      ['upsert', null],
    ]);
    expect(commentChangesFor(before, { ...before, color: '#000000' }, cs)).toEqual([]);
  });

  it('deleting the annotation withdraws its comments (tombstones), and re-targets nothing', () => {
    const before = annotation();
    const after = { ...before, body: '', deletedAt: '2026-01-03T00:00:00.000Z' };
    const cs = [comment(before.id)];
    expect(commentChangesFor(before, after, cs)).toEqual([
      {
        entity: 'annotationComment',
        entityId: cs[0]!.id,
        op: 'delete',
        data: null,
        meetingId,
        targetUserId: null,
        ownerUserId: null,
      },
    ]);
  });
});

describe('applyToAnnotationComment (optimistic rules on the device)', () => {
  const a = annotation();
  const at = (iso: string, userId = other) => ({ userId, clientTime: Date.parse(iso), meetingId });
  const args = { id: randomUUID(), annotationId: a.id, parentId: null, body: 'Câu hỏi' };

  it('creates with the device time and the meeting of the change; a replay changes nothing', () => {
    const made = applyToAnnotationComment(
      null,
      { kind: 'annotationComment.create', args },
      at('2026-02-01T08:00:00Z'),
    );
    expect(made).toEqual({
      ...args,
      meetingId,
      authorId: other,
      createdAt: '2026-02-01T08:00:00.000Z',
      editedAt: null,
      deletedAt: null,
    });
    const again = applyToAnnotationComment(
      made,
      { kind: 'annotationComment.create', args: { ...args, body: 'khác' } },
      at('2026-02-02T08:00:00Z'),
    );
    expect(again).toBe(made);
  });

  it('only the author edits or deletes; a delete keeps the place with an empty body', () => {
    const mine = comment(a.id);
    const byOther = applyToAnnotationComment(
      mine,
      { kind: 'annotationComment.edit', args: { id: mine.id, body: 'x' } },
      at('2026-02-01T08:00:00Z', author),
    );
    expect(byOther).toBe(mine);
    const edited = applyToAnnotationComment(
      mine,
      { kind: 'annotationComment.edit', args: { id: mine.id, body: 'sửa' } },
      at('2026-02-01T08:00:00Z'),
    );
    expect(edited).toMatchObject({ body: 'sửa', editedAt: '2026-02-01T08:00:00.000Z' });
    const deleted = applyToAnnotationComment(
      edited,
      { kind: 'annotationComment.delete', args: { id: mine.id } },
      at('2026-02-01T09:00:00Z'),
    );
    expect(deleted).toMatchObject({ body: '', deletedAt: '2026-02-01T09:00:00.000Z' });
    const editAfter = applyToAnnotationComment(
      deleted,
      { kind: 'annotationComment.edit', args: { id: mine.id, body: 'lại' } },
      at('2026-02-01T10:00:00Z'),
    );
    expect(editAfter).toBe(deleted);
  });
});
