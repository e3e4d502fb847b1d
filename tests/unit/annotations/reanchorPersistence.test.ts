import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/domain/annotation.ts';
import { applyToAnnotation } from '../../../shared/sync/optimistic.ts';
import {
  planPlacements,
  type PlacementCandidate,
} from '../../../electron/core/annotations/planPlacements.ts';

const me = randomUUID();
const other = randomUUID();
const OLD_SHA = 'a'.repeat(64);
const NEW_SHA = 'b'.repeat(64);
const quote = { exact: 'Điều 1', prefix: '', suffix: ' Phạm vi' };
const rects = [{ x: 72, y: 500, width: 40, height: 12 }];

function highlight(over: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: randomUUID(),
    meetingId: randomUUID(),
    documentId: randomUUID(),
    version: 1,
    sha256: OLD_SHA,
    pageIndex: 0,
    authorId: me,
    visibility: 'private',
    color: '#ffd400',
    body: 'ghi chú',
    shape: { kind: 'highlight', rects: [{ x: 72, y: 700, width: 40, height: 12 }], quote },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    ...over,
  };
}

const target = { version: 2, sha256: NEW_SHA, pageCount: 3 };
const moved = (id: string, pageIndex = 1) => ({
  annotationId: id,
  pageIndex,
  rects,
  quote: { ...quote, prefix: 'mới ' },
});

describe('planPlacements (which re-anchored placements become durable)', () => {
  it('moves my live text annotations of an older version, once each', () => {
    const a = highlight();
    const candidates = new Map<string, PlacementCandidate>([
      [a.id, { annotation: a, pending: false }],
    ]);
    const plan = planPlacements(me, target, candidates, [moved(a.id), moved(a.id, 2)]);
    expect(plan).toEqual([
      {
        id: a.id,
        version: 2,
        sha256: NEW_SHA,
        pageIndex: 1,
        shape: { kind: 'highlight', rects, quote: { ...quote, prefix: 'mới ' } },
      },
    ]);
  });

  it("never writes others' annotations, deleted ones, notes, ones already placed or with a change queued", () => {
    const others = highlight({ authorId: other });
    const deleted = highlight({ deletedAt: '2026-01-02T00:00:00.000Z', body: '' });
    const note = highlight({ shape: { kind: 'note', point: { x: 1, y: 1 } } });
    const placed = highlight({ version: 2, sha256: NEW_SHA });
    const editing = highlight();
    const beyond = highlight();
    const candidates = new Map<string, PlacementCandidate>(
      [others, deleted, note, placed, beyond].map((a) => [a.id, { annotation: a, pending: false }]),
    );
    candidates.set(editing.id, { annotation: editing, pending: true });
    const plan = planPlacements(me, target, candidates, [
      moved(others.id),
      moved(deleted.id),
      moved(note.id),
      moved(placed.id),
      moved(editing.id),
      moved(beyond.id, 3),
      moved(randomUUID()),
    ]);
    expect(plan).toEqual([]);
  });

  it('the queued move, folded over the record, keeps the body and colour and applies once', () => {
    const a = highlight();
    const [args] = planPlacements(
      me,
      target,
      new Map([[a.id, { annotation: a, pending: false }]]),
      [moved(a.id)],
    );
    if (!args) throw new Error('expected a move');
    const origin = {
      userId: me,
      clientTime: Date.parse('2026-03-01T00:00:00Z'),
      meetingId: a.meetingId,
    };
    const after = applyToAnnotation(a, { kind: 'annotation.reanchor', args }, origin);
    expect(after).toMatchObject({
      version: 2,
      sha256: NEW_SHA,
      pageIndex: 1,
      body: 'ghi chú',
      color: '#ffd400',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    // A second move to the same (or an older) version is no change: the placement is written once.
    expect(applyToAnnotation(after, { kind: 'annotation.reanchor', args }, origin)).toBe(after);
    // Someone else's move of my annotation changes nothing.
    expect(
      applyToAnnotation(a, { kind: 'annotation.reanchor', args }, { ...origin, userId: other }),
    ).toBe(a);
  });
});
