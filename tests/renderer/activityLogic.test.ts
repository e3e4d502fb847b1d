import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../shared/domain/views.ts';
import {
  commentState,
  isRefusedCreation,
  upsertComment,
} from '../../renderer/features/comments/commentThreadOps.ts';
import {
  isRejectCode,
  kindKey,
  rejectionContent,
} from '../../renderer/features/outbox/rejectionContent.ts';
import { takesPositions } from '../../renderer/features/positions/takesPositions.ts';
import { isStaff } from '../../renderer/features/secretariat/isStaff.ts';
import { ballotState } from '../../renderer/features/votes/ballotState.ts';
import { commentView, rejection } from './activityFixtures.ts';
import { CHAIR, MEMBER, meetingDetail, uuid } from './fixtures.ts';
import { SECRETARIAT } from './openMeeting.ts';

const M = uuid(1);
const ITEM = uuid(2);

function thread(...views: ReturnType<typeof commentView>[]): CommentThread {
  return { agendaItemId: ITEM, comments: views };
}

const ids = (t: CommentThread) => t.comments.map((v) => [v.comment.id, v.depth]);

describe('upsertComment', () => {
  const a = commentView(10, M, ITEM);
  const a1 = commentView(11, M, ITEM, { comment: { parentId: a.comment.id }, depth: 1 });
  const a11 = commentView(12, M, ITEM, { comment: { parentId: a1.comment.id }, depth: 2 });
  const b = commentView(13, M, ITEM);

  it('replaces a comment in place', () => {
    const edited = commentView(11, M, ITEM, {
      comment: { parentId: a.comment.id, body: 'sửa' },
      depth: 1,
      pending: true,
    });
    const out = upsertComment(thread(a, a1, b), edited);
    expect(ids(out)).toEqual(ids(thread(a, a1, b)));
    expect(out.comments[1]?.comment.body).toBe('sửa');
  });

  it('puts a new reply after its parent’s last descendant, one level deeper', () => {
    const reply = commentView(20, M, ITEM, { comment: { parentId: a.comment.id } });
    expect(ids(upsertComment(thread(a, a1, a11, b), reply))).toEqual([
      [a.comment.id, 0],
      [a1.comment.id, 1],
      [a11.comment.id, 2],
      [reply.comment.id, 1],
      [b.comment.id, 0],
    ]);
  });

  it('appends a new comment on the item, or a reply whose parent is not listed, at the top level', () => {
    const top = commentView(21, M, ITEM);
    const orphan = commentView(22, M, ITEM, { comment: { parentId: uuid(999) }, depth: 3 });
    expect(ids(upsertComment(thread(a, b), top)).at(-1)).toEqual([top.comment.id, 0]);
    expect(ids(upsertComment(thread(a, b), orphan)).at(-1)).toEqual([orphan.comment.id, 0]);
  });

  it('does not change the thread it was given', () => {
    const original = thread(a, b);
    upsertComment(original, commentView(23, M, ITEM));
    expect(original.comments).toHaveLength(2);
  });
});

describe('comment state', () => {
  it('is pending while a change waits, even over an older refusal', () => {
    expect(commentState({ pending: true, rejection: rejection(1) })).toBe('pending');
    expect(commentState({ pending: false, rejection: rejection(1) })).toBe('rejected');
    expect(commentState({ pending: false, rejection: null })).toBe('synced');
  });

  it('recognises a refused creation', () => {
    const refused = rejection(1, { kind: 'comment.create' });
    expect(isRefusedCreation({ pending: false, rejection: refused })).toBe(true);
    expect(isRefusedCreation({ pending: true, rejection: refused })).toBe(false);
    expect(
      isRefusedCreation({ pending: false, rejection: rejection(1, { kind: 'comment.edit' }) }),
    ).toBe(false);
  });
});

describe('ballotState', () => {
  const counted = { choice: 'for' as const, castAt: '2026-11-21T09:10:00.000Z', pending: false };
  const refused = rejection(3, { rejectedAt: Date.parse('2026-11-21T09:40:00.000Z') });

  it('is none, pending or counted from my ballot', () => {
    expect(ballotState({ myBallot: null, rejection: null })).toBe('none');
    expect(ballotState({ myBallot: { ...counted, pending: true }, rejection: null })).toBe(
      'pending',
    );
    expect(ballotState({ myBallot: counted, rejection: null })).toBe('counted');
  });

  it('is rejected while a refusal is newer than the counted ballot', () => {
    expect(ballotState({ myBallot: null, rejection: refused })).toBe('rejected');
    expect(ballotState({ myBallot: counted, rejection: refused })).toBe('rejected');
    const later = { ...counted, castAt: '2026-11-21T09:50:00.000Z' };
    expect(ballotState({ myBallot: later, rejection: refused })).toBe('counted');
    expect(ballotState({ myBallot: { ...later, pending: true }, rejection: refused })).toBe(
      'pending',
    );
  });
});

describe('rejectionContent', () => {
  it('reads a position back as its stance and note (the note may contain ": ")', () => {
    expect(rejectionContent('position.set', 'object')).toEqual({
      kind: 'stance',
      stance: 'object',
      note: '',
    });
    expect(rejectionContent('position.set', 'wish_to_speak: Điều 5: khoản 2')).toEqual({
      kind: 'stance',
      stance: 'wish_to_speak',
      note: 'Điều 5: khoản 2',
    });
  });

  it('reads a ballot back as its choice, a comment as its text, a deletion as nothing', () => {
    expect(rejectionContent('vote.cast', 'abstain')).toEqual({ kind: 'choice', choice: 'abstain' });
    expect(rejectionContent('comment.create', 'for')).toEqual({ kind: 'text', text: 'for' });
    expect(rejectionContent('comment.delete', '')).toEqual({ kind: 'none' });
  });

  it('shows anything unexpected as plain text', () => {
    expect(rejectionContent('position.set', 'maybe: x')).toEqual({
      kind: 'text',
      text: 'maybe: x',
    });
    expect(rejectionContent('vote.cast', 'yes')).toEqual({ kind: 'text', text: 'yes' });
    expect(rejectionContent('agenda.reorder', '<b>x</b>')).toEqual({
      kind: 'text',
      text: '<b>x</b>',
    });
  });

  it('knows the push protocol’s codes and kinds', () => {
    expect(isRejectCode('VOTING_CLOSED')).toBe(true);
    expect(isRejectCode('toString')).toBe(false);
    expect(kindKey('vote.cast')).toBe('voteCast');
    expect(kindKey('__proto__')).toBe('other');
  });
});

describe('who sees what', () => {
  it('shows the secretariat panel to the secretariat and admins only', () => {
    expect(isStaff('secretariat')).toBe(true);
    expect(isStaff('admin')).toBe(true);
    expect(isStaff('member')).toBe(false);
    expect(isStaff(null)).toBe(false);
  });

  it('asks chair, members and substitutes for positions; not the secretariat or guests', () => {
    const detail = meetingDetail(1, Date.now());
    expect(takesPositions(detail, MEMBER)).toBe(true);
    expect(takesPositions(detail, CHAIR)).toBe(true);
    expect(takesPositions(detail, SECRETARIAT)).toBe(false);
    // A member the participant list does not name yet (not synced) is asked.
    expect(takesPositions(detail, { ...MEMBER, id: uuid(777) })).toBe(true);
    const guest = {
      ...detail,
      participants: detail.participants.map((p) =>
        p.participant.userId === MEMBER.id
          ? { ...p, participant: { ...p.participant, role: 'guest' as const } }
          : p,
      ),
    };
    expect(takesPositions(guest, MEMBER)).toBe(false);
  });
});
