import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import { applyToAnnotation } from '../../../shared/sync/optimistic.ts';

const me = randomUUID();
const other = randomUUID();
const meetingId = randomUUID();
const at = (iso: string, userId = me) => ({ userId, clientTime: Date.parse(iso), meetingId });

const createArgs = {
  id: randomUUID(),
  meetingId,
  documentId: randomUUID(),
  version: 1,
  sha256: 'a'.repeat(64),
  pageIndex: 0,
  visibility: 'private' as const,
  color: '#ffd400',
  body: 'ghi chú',
  shape: { kind: 'note' as const, point: { x: 10, y: 20 } },
};

function record(over: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    ...createArgs,
    authorId: me,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}

describe('applyToAnnotation (annotations belong to their author)', () => {
  it('creates with the device time, and never replaces an existing one (a replay)', () => {
    const made = applyToAnnotation(
      null,
      { kind: 'annotation.create', args: createArgs },
      at('2026-02-01T08:00:00Z'),
    );
    expect(made).toEqual(
      record({ createdAt: '2026-02-01T08:00:00.000Z', updatedAt: '2026-02-01T08:00:00.000Z' }),
    );
    const existing = record({ body: 'server' });
    expect(
      applyToAnnotation(
        existing,
        { kind: 'annotation.create', args: createArgs },
        at('2026-02-01T08:00:00Z'),
      ),
    ).toBe(existing);
  });

  it("updates and deletes only the author's live annotation; the kind never changes", () => {
    const mine = record();
    const patch = { color: '#00aa00', visibility: 'participants' as const };
    expect(
      applyToAnnotation(
        mine,
        { kind: 'annotation.update', args: { id: mine.id, patch } },
        at('2026-02-02T00:00:00Z'),
      ),
    ).toMatchObject({ ...patch, body: 'ghi chú', updatedAt: '2026-02-02T00:00:00.000Z' });
    const theirs = record({ authorId: other });
    expect(
      applyToAnnotation(
        theirs,
        { kind: 'annotation.update', args: { id: theirs.id, patch } },
        at('2026-02-02T00:00:00Z'),
      ),
    ).toBe(theirs);
    const ink = { kind: 'ink' as const, width: 1, strokes: [[{ x: 0, y: 0 }]] };
    expect(
      applyToAnnotation(
        mine,
        { kind: 'annotation.update', args: { id: mine.id, patch: { shape: ink } } },
        at('2026-02-02T00:00:00Z'),
      ),
    ).toBe(mine);
    const deleted = applyToAnnotation(
      mine,
      { kind: 'annotation.delete', args: { id: mine.id } },
      at('2026-02-03T00:00:00Z'),
    );
    expect(deleted).toMatchObject({ body: '', deletedAt: '2026-02-03T00:00:00.000Z' });
    expect(
      applyToAnnotation(
        deleted,
        { kind: 'annotation.update', args: { id: mine.id, patch } },
        at('2026-02-04T00:00:00Z'),
      ),
    ).toBe(deleted);
    expect(
      applyToAnnotation(
        theirs,
        { kind: 'annotation.delete', args: { id: theirs.id } },
        at('2026-02-03T00:00:00Z'),
      ),
    ).toBe(theirs);
  });
});
