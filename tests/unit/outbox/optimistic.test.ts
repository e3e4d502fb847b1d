import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../shared/domain/comment.ts';
import {
  applyToBallot,
  applyToComment,
  applyToPosition,
  ballotId,
  positionId,
} from '../../../shared/sync/optimistic.ts';

const me = randomUUID();
const other = randomUUID();
const meetingId = randomUUID();
const agendaItemId = randomUUID();
const at = (iso: string) => ({ userId: me, clientTime: Date.parse(iso), meetingId });

function comment(over: Partial<Comment> = {}): Comment {
  return {
    id: randomUUID(),
    meetingId,
    agendaItemId,
    parentId: null,
    authorId: me,
    body: 'server body',
    createdAt: '2026-01-01T00:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

describe('optimistic merge rules', () => {
  it('a creation makes the comment by the local user at the device time, and never replaces one', () => {
    const id = randomUUID();
    const created = applyToComment(
      null,
      {
        kind: 'comment.create',
        args: { id, meetingId, agendaItemId, parentId: null, body: 'Xin ý kiến' },
      },
      at('2026-01-02T10:00:00.000Z'),
    );
    expect(created).toEqual({
      id,
      meetingId,
      agendaItemId,
      parentId: null,
      authorId: me,
      body: 'Xin ý kiến',
      createdAt: '2026-01-02T10:00:00.000Z',
      editedAt: null,
      deletedAt: null,
    });
    const existing = comment({ id });
    expect(
      applyToComment(
        existing,
        {
          kind: 'comment.create',
          args: { id, meetingId, agendaItemId, parentId: null, body: 'replay' },
        },
        at('2026-01-03T00:00:00.000Z'),
      ),
    ).toBe(existing);
  });

  it('only the author edits or deletes; a delete keeps the place with an empty body', () => {
    const mine = comment();
    const edited = applyToComment(
      mine,
      { kind: 'comment.edit', args: { id: mine.id, body: 'sửa' } },
      at('2026-01-02T00:00:00.000Z'),
    );
    expect(edited).toMatchObject({ body: 'sửa', editedAt: '2026-01-02T00:00:00.000Z' });
    const deleted = applyToComment(
      edited,
      { kind: 'comment.delete', args: { id: mine.id } },
      at('2026-01-03T00:00:00.000Z'),
    );
    expect(deleted).toMatchObject({ body: '', deletedAt: '2026-01-03T00:00:00.000Z' });
    // Editing a deleted comment, or someone else's, or one that does not exist, changes nothing.
    expect(
      applyToComment(
        deleted,
        { kind: 'comment.edit', args: { id: mine.id, body: 'x' } },
        at('2026-01-04T00:00:00.000Z'),
      ),
    ).toBe(deleted);
    const theirs = comment({ authorId: other });
    expect(
      applyToComment(
        theirs,
        { kind: 'comment.edit', args: { id: theirs.id, body: 'x' } },
        at('2026-01-04T00:00:00.000Z'),
      ),
    ).toBe(theirs);
    expect(
      applyToComment(
        theirs,
        { kind: 'comment.delete', args: { id: theirs.id } },
        at('2026-01-04T00:00:00.000Z'),
      ),
    ).toBe(theirs);
    expect(
      applyToComment(
        null,
        { kind: 'comment.edit', args: { id: randomUUID(), body: 'x' } },
        at('2026-01-04T00:00:00.000Z'),
      ),
    ).toBeNull();
  });

  it('the last position and the last ballot win, keyed per member', () => {
    const args = { meetingId, agendaItemId, stance: 'object' as const, note: 'Cần làm rõ' };
    const p = applyToPosition(null, args, at('2026-01-02T00:00:00.000Z'));
    expect(p).toEqual({
      id: positionId(agendaItemId, me),
      meetingId,
      agendaItemId,
      userId: me,
      stance: 'object',
      note: 'Cần làm rõ',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(
      applyToPosition(
        p,
        { ...args, stance: 'no_objection', note: '' },
        at('2026-01-03T00:00:00.000Z'),
      ).stance,
    ).toBe('no_objection');
    const voteId = randomUUID();
    const b = applyToBallot(null, { voteId, choice: 'for' }, at('2026-01-02T00:00:00.000Z'));
    expect(b).toEqual({
      id: ballotId(voteId, me),
      voteId,
      meetingId,
      userId: me,
      choice: 'for',
      castAt: '2026-01-02T00:00:00.000Z',
    });
    expect(
      applyToBallot(b, { voteId, choice: 'against' }, at('2026-01-02T00:01:00.000Z')).choice,
    ).toBe('against');
  });
});
