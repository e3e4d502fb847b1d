import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../shared/protocol/admin.ts';
import { eventually } from '../../support/coreHarness.ts';
import { http } from './support/harness.ts';
import { useWriteMeetingCores } from './support/useWriteMeetingCores.ts';

// The real client core against the real server (PGlite): the secretariat's device takes the
// roll call, every participant's device receives it and shows the quorum as the rule set
// counts it; once the meeting is closed the device refuses comments, positions and ballots
// itself (MEETING_CLOSED) and shows the votes the close decided.
describe('attendance and a closed meeting: client core against the server', () => {
  const w = useWriteMeetingCores({
    // Three voting members and a substitute without the vote: quorum needs 2 of 3.
    people: [{ role: 'chair' }, {}, {}, { role: 'substitute', mayVote: false }],
  });
  const { signIn } = w;

  it('a member device receives the roll call and sees the quorum; a closed meeting refuses writes on the device', async () => {
    const member = await signIn(1);
    const secretariat = await signIn('staff');
    const [chair, , third, substitute] = w.m.people.map((p) => p.user.id);
    const itemId = w.m.itemIds[0]!;

    const before = await member.call('attendance:get', { meetingId: w.m.meetingId });
    expect(before).toMatchObject({
      recorded: false,
      quorum: { present: 0, eligible: 3, needed: 2, met: false, numerator: 2, denominator: 3 },
    });
    expect(before.attendees).toHaveLength(4);

    // One voter and the substitute: 1 of 3 voting members, no quorum.
    const first = await secretariat.call('attendance:set', {
      meetingId: w.m.meetingId,
      present: [chair!, substitute!],
    });
    expect(first.quorum).toMatchObject({ present: 1, eligible: 3, met: false });
    await eventually(async () => {
      const view = await member.call('attendance:get', { meetingId: w.m.meetingId });
      return view.recorded && view.quorum.present === 1 && !view.quorum.met;
    });
    const seen = await member.call('attendance:get', { meetingId: w.m.meetingId });
    expect(
      seen.attendees
        .filter((a) => a.present)
        .map((a) => a.userId)
        .sort(),
    ).toEqual([chair!, substitute!].sort());
    expect(seen.attendees.find((a) => a.userId === substitute)?.mayVote).toBe(false);

    // Two of three voting members: the quorum is reached on the member's device.
    await secretariat.call('attendance:set', {
      meetingId: w.m.meetingId,
      present: [chair!, third!, substitute!],
    });
    await eventually(async () => {
      const view = await member.call('attendance:get', { meetingId: w.m.meetingId });
      return view.quorum.present === 2 && view.quorum.met;
    });
    // A member cannot take the roll call.
    expect(await member.failCode('attendance:set', { meetingId: w.m.meetingId, present: [] })).toBe(
      'FORBIDDEN',
    );

    // A vote is open when the secretariat closes the meeting: it closes with it.
    const opened = await secretariat.call('votes:open', {
      agendaItemId: itemId,
      question: 'Thông qua dự thảo Nghị định?',
    });
    await eventually(
      async () =>
        (await member.call('votes:list', { meetingId: w.m.meetingId })).votes.length === 1,
    );
    const closing = await http(w.h, 'POST', ADMIN_ROUTES.close(w.m.meetingId), {
      token: w.m.staff.token,
    });
    expect(closing.status).toBe(200);
    await eventually(async () => {
      const votes = await member.call('votes:list', { meetingId: w.m.meetingId });
      return votes.votes[0]?.vote.status === 'closed';
    });
    const closedVote = (await member.call('votes:list', { meetingId: w.m.meetingId })).votes[0];
    expect(closedVote?.vote).toMatchObject({
      id: opened.vote.id,
      result: { outcome: 'failed', present: 2, eligible: 3, quorumMet: true },
    });

    // The device knows the meeting is closed: nothing is queued.
    expect(
      await member.failCode('comments:create', { agendaItemId: itemId, parentId: null, body: 'x' }),
    ).toBe('MEETING_CLOSED');
    expect(
      await member.failCode('positions:set', { agendaItemId: itemId, stance: 'object', note: '' }),
    ).toBe('MEETING_CLOSED');
    expect(await member.failCode('votes:cast', { voteId: opened.vote.id, choice: 'for' })).toBe(
      'MEETING_CLOSED',
    );
    expect((await member.call('outbox:status', {})).pending).toBe(0);
    // The roll call of a closed meeting is final.
    expect(
      await secretariat.failCode('attendance:set', { meetingId: w.m.meetingId, present: [] }),
    ).toBe('CONFLICT');
  });
});
