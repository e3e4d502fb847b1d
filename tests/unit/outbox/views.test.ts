import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { Vote } from '../../../shared/domain/vote.ts';
import {
  commentThreadSchema,
  meetingPositionsSchema,
  meetingVotesSchema,
} from '../../../shared/domain/views.ts';
import { IpcError } from '../../../shared/ipc/errors.ts';
import { makeItem, makeParticipant, makeUser } from '../../support/syncFixtures.ts';
import { writeHarness, type WriteHarness } from './writeHarness.ts';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof IpcError) return error.code;
    throw error;
  }
  throw new Error('expected a typed error');
}

const other = makeUser({ displayName: 'Trần Thị B' });

function theirComment(h: WriteHarness, over: Partial<Comment> = {}): Comment {
  return {
    id: randomUUID(),
    meetingId: h.bundle.meeting.id,
    agendaItemId: h.bundle.item.id,
    parentId: null,
    authorId: other.id,
    body: '<b>not markup</b>',
    createdAt: '2026-01-09T00:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

function openVote(h: WriteHarness, over: Partial<Vote> = {}): Vote {
  const vote: Vote = {
    id: randomUUID(),
    meetingId: h.bundle.meeting.id,
    agendaItemId: h.bundle.item.id,
    question: 'Thông qua Nghị định?',
    ruleSetId: 'vn.cabinet.2015',
    status: 'open',
    openedAt: '2026-01-10T07:00:00.000Z',
    closedAt: null,
    counts: { for: 3, against: 1, abstain: 0 },
    result: null,
    ...over,
  };
  h.pull([h.log.upsert('vote', vote)]);
  return vote;
}

describe('comments:list', () => {
  it('threads comments depth first, oldest first, with author names and flags', () => {
    const h = writeHarness();
    const root = theirComment(h);
    h.pull([h.log.upsert('user', other), h.log.upsert('comment', root)]);
    const reply = h.comments.create({
      agendaItemId: h.bundle.item.id,
      parentId: root.id,
      body: 'Trả lời',
    });
    expect(reply).toMatchObject({
      depth: 1,
      mine: true,
      pending: true,
      authorName: h.me.displayName,
      rejection: null,
    });
    h.clock.now += 1000;
    const top = h.comments.create({
      agendaItemId: h.bundle.item.id,
      parentId: null,
      body: 'Ý kiến mới',
    });
    const thread = commentThreadSchema.parse(h.comments.list(h.bundle.item.id));
    expect(
      thread.comments.map((c) => [c.comment.body, c.depth, c.mine, c.pending, c.authorName]),
    ).toEqual([
      ['<b>not markup</b>', 0, false, false, 'Trần Thị B'],
      ['Trả lời', 1, true, true, h.me.displayName],
      ['Ý kiến mới', 0, true, true, h.me.displayName],
    ]);
    expect(top.comment.parentId).toBeNull();
  });

  it("refuses to change someone else's comment, an unknown one, or one on an unknown item", () => {
    const h = writeHarness();
    const theirs = theirComment(h);
    h.pull([h.log.upsert('comment', theirs)]);
    expect(code(() => h.comments.edit({ id: theirs.id, body: 'x' }))).toBe('NOT_AUTHOR');
    expect(code(() => h.comments.delete({ id: theirs.id }))).toBe('NOT_AUTHOR');
    expect(code(() => h.comments.edit({ id: randomUUID(), body: 'x' }))).toBe('NOT_FOUND');
    expect(code(() => h.comments.list(randomUUID()))).toBe('NOT_FOUND');
    const otherItem = makeItem(h.bundle.meeting.id, 2);
    h.pull([h.log.upsert('agendaItem', otherItem)]);
    expect(
      code(() => h.comments.create({ agendaItemId: otherItem.id, parentId: theirs.id, body: 'x' })),
    ).toBe('NOT_FOUND');
    h.user = null;
    expect(code(() => h.comments.list(h.bundle.item.id))).toBe('NOT_LOGGED_IN');
  });

  it('a refused creation stays listed from the device copy, flagged, until dismissed', () => {
    const h = writeHarness();
    const created = h.comments.create({
      agendaItemId: h.bundle.item.id,
      parentId: null,
      body: 'Bị từ chối',
    });
    h.outbox.settle([{ mutationId: 1, status: 'rejected', code: 'FORBIDDEN', message: 'no' }]);
    const [listed] = h.comments.list(h.bundle.item.id).comments;
    expect(listed).toMatchObject({
      comment: { id: created.comment.id, body: 'Bị từ chối' },
      pending: false,
      rejection: { code: 'FORBIDDEN', mutationId: 1 },
    });
    h.outbox.dismiss(1);
    expect(h.comments.list(h.bundle.item.id).comments).toEqual([]);
  });

  it('a deleted comment keeps its place with an empty body; deleting it twice is NOT_FOUND', () => {
    const h = writeHarness();
    const { comment } = h.comments.create({
      agendaItemId: h.bundle.item.id,
      parentId: null,
      body: 'Xoá tôi',
    });
    expect(h.comments.delete({ id: comment.id }).comment).toMatchObject({
      body: '',
      deletedAt: expect.any(String) as unknown,
    });
    expect(code(() => h.comments.delete({ id: comment.id }))).toBe('NOT_FOUND');
  });
});

describe('positions', () => {
  it('a member sees their own positions only; the secretariat sees aggregates and the consent list', () => {
    const h = writeHarness();
    const item2 = makeItem(h.bundle.meeting.id, 2);
    const member2 = makeUser();
    const theirs: Position = {
      id: `${h.bundle.item.id}:${member2.id}`,
      meetingId: h.bundle.meeting.id,
      agendaItemId: h.bundle.item.id,
      userId: member2.id,
      stance: 'object',
      note: '',
      updatedAt: '2026-01-09T00:00:00.000Z',
    };
    h.pull([
      h.log.upsert('agendaItem', item2),
      h.log.upsert('participant', makeParticipant(h.bundle.meeting.id, member2.id)),
      h.log.upsert('position', theirs),
    ]);
    const set = meetingPositionsSchema.parse(
      h.positions.set({ agendaItemId: item2.id, stance: 'no_objection', note: 'Đồng ý' }),
    );
    expect(set.consent).toBeNull();
    expect(set.items.map((i) => [i.order, i.mine?.stance ?? null, i.pending, i.aggregate])).toEqual(
      [
        [1, null, false, null],
        [2, 'no_objection', true, null],
      ],
    );
    h.user = { ...h.me, role: 'secretariat' };
    const staff = h.positions.get(h.bundle.meeting.id);
    // Respondents: me and member2 (participants with role member). Item 1: member2 objects.
    expect(staff.items.map((i) => i.aggregate)).toEqual([
      { noObjection: 0, wishToSpeak: 0, object: 1, noAnswer: 1 },
      { noObjection: 1, wishToSpeak: 0, object: 0, noAnswer: 1 },
    ]);
    expect(staff.consent).toEqual([item2.id]);
  });

  it('refuses a position once the meeting started by the server clock as last seen', () => {
    const h = writeHarness();
    expect(h.positions.get(h.bundle.meeting.id).started).toBe(false);
    // The device clock is months behind; the server's is past the start.
    h.clock.serverOffset = Date.parse(h.bundle.meeting.startsAt) - h.clock.now + 1;
    expect(h.positions.get(h.bundle.meeting.id).started).toBe(true);
    expect(
      code(() => h.positions.set({ agendaItemId: h.bundle.item.id, stance: 'object', note: '' })),
    ).toBe('MEETING_STARTED');
    expect(h.outbox.counts().pending).toBe(0);
  });
});

describe('votes', () => {
  it('lists votes with live counts and my pending ballot; a ballot may change while open', () => {
    const h = writeHarness();
    const vote = openVote(h);
    expect(h.votes.cast({ voteId: vote.id, choice: 'for' }).myBallot).toMatchObject({
      choice: 'for',
      pending: true,
    });
    h.votes.cast({ voteId: vote.id, choice: 'against' });
    const list = meetingVotesSchema.parse(h.votes.list(h.bundle.meeting.id));
    expect(list.votes).toEqual([
      expect.objectContaining({
        vote,
        agendaItemTitle: h.bundle.item.title,
        myBallot: expect.objectContaining({ choice: 'against', pending: true }) as unknown,
        rejection: null,
        mayVote: true,
      }),
    ]);
  });

  it('refuses locally a closed vote and a participant whose vote does not count', () => {
    const h = writeHarness();
    const closed = openVote(h, { status: 'closed', closedAt: '2026-01-10T07:30:00.000Z' });
    expect(code(() => h.votes.cast({ voteId: closed.id, choice: 'for' }))).toBe('VOTING_CLOSED');
    expect(code(() => h.votes.cast({ voteId: randomUUID(), choice: 'for' }))).toBe('NOT_FOUND');
    const open = openVote(h);
    h.pull([
      h.log.upsert('participant', { ...h.bundle.participant, role: 'substitute', mayVote: false }),
    ]);
    expect(code(() => h.votes.cast({ voteId: open.id, choice: 'for' }))).toBe('NOT_ELIGIBLE');
  });

  it('a ballot the server refused is undone and shown with its reason and choice', () => {
    const h = writeHarness();
    const vote = openVote(h);
    h.votes.cast({ voteId: vote.id, choice: 'abstain' });
    h.outbox.settle([
      { mutationId: 1, status: 'rejected', code: 'VOTING_CLOSED', message: 'closed' },
    ]);
    const [view] = h.votes.list(h.bundle.meeting.id).votes;
    expect(view).toMatchObject({
      myBallot: null,
      rejection: { code: 'VOTING_CLOSED', kind: 'vote.cast', summary: 'abstain' },
      rejectedChoice: 'abstain',
    });
  });
});
