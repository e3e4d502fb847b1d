import { describe, expect, it } from 'vitest';
import { voteBallots, comments, positions } from '../../../server/src/db/memberSchema.ts';
import { eq } from '../../../server/src/db/operators.ts';
import { eventually } from '../../support/coreHarness.ts';
import { useWriteMeetingCores } from './support/useWriteMeetingCores.ts';

// The real client core (electron/core: outbox, pusher, secretariat votes) against the real
// server, on PGlite: the two halves of the write path agree on the protocol, and a device
// converges on the server's records (server ids, times, counts) after its changes are acked.
describe('write path: client core against the server', () => {
  const w = useWriteMeetingCores({ people: [{ role: 'chair' }, {}] });
  const { signIn } = w;

  it('comments, a position and a ballot made on the device reach the server once and come back as its records', async () => {
    const member = await signIn(0);
    const secretariat = await signIn('staff');
    const itemId = w.m.itemIds[0]!;
    await eventually(
      async () =>
        (await member.call('positions:get', { meetingId: w.m.meetingId })).items.length === 1,
    );

    const opened = await secretariat.call('votes:open', {
      agendaItemId: itemId,
      question: 'Thông qua dự thảo Nghị định?',
    });
    await eventually(
      async () =>
        (await member.call('votes:list', { meetingId: w.m.meetingId })).votes.length === 1,
    );
    const first = await member.call('comments:create', {
      agendaItemId: itemId,
      parentId: null,
      body: 'Đề nghị bổ sung số liệu',
    });
    await member.call('comments:edit', {
      id: first.comment.id,
      body: 'Đề nghị bổ sung số liệu 2025',
    });
    await member.call('positions:set', {
      agendaItemId: itemId,
      stance: 'wish_to_speak',
      note: 'Điều 5',
    });
    await member.call('votes:cast', { voteId: opened.vote.id, choice: 'for' });
    await eventually(async () => (await member.call('outbox:status', {})).pending === 0);
    expect((await member.call('outbox:status', {})).rejected).toEqual([]);

    const db = w.h.server.db;
    const [row] = await db.select().from(comments).where(eq(comments.id, first.comment.id));
    expect(row).toMatchObject({
      body: 'Đề nghị bổ sung số liệu 2025',
      authorId: w.m.people[0]!.user.id,
    });
    expect(
      await db.select().from(positions).where(eq(positions.meetingId, w.m.meetingId)),
    ).toHaveLength(1);
    expect(
      await db.select().from(voteBallots).where(eq(voteBallots.voteId, opened.vote.id)),
    ).toEqual([expect.objectContaining({ userId: w.m.people[0]!.user.id, choice: 'for' })]);

    // The device shows the server's records once pulled: server time, counted ballot.
    await eventually(async () => {
      const list = await member.call('comments:list', { agendaItemId: itemId });
      return (
        list.comments[0]?.comment.createdAt === row?.createdAt.toISOString() &&
        !list.comments[0]?.pending
      );
    });
    await eventually(async () => {
      const votes = await member.call('votes:list', { meetingId: w.m.meetingId });
      return votes.votes[0]?.vote.counts.for === 1 && votes.votes[0]?.myBallot?.pending === false;
    });

    // The secretariat's device has everyone's positions: the aggregate and the consent list.
    await eventually(async () => {
      const view = await secretariat.call('positions:get', { meetingId: w.m.meetingId });
      return view.items[0]?.aggregate?.wishToSpeak === 1 && view.consent?.length === 0;
    });

    // The secretariat closes; the result reaches the member's device.
    const closed = await secretariat.call('votes:close', { voteId: opened.vote.id });
    expect(closed.vote).toMatchObject({ status: 'closed', result: { for: 1, eligible: 2 } });
    await eventually(async () => {
      const votes = await member.call('votes:list', { meetingId: w.m.meetingId });
      return votes.votes[0]?.vote.status === 'closed';
    });
    // A member cannot open a vote: the server says FORBIDDEN.
    expect(
      await member.failCode('votes:open', { agendaItemId: itemId, question: 'Tôi mở được không?' }),
    ).toBe('FORBIDDEN');
  });
});
