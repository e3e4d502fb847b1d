import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES } from '../../../shared/protocol/admin.ts';
import { eventually, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { http, startHarness, type Harness } from './support/harness.ts';
import { createWriteMeeting, type WriteMeeting } from './support/writeFixture.ts';

// The real client core against the real server (PGlite): the secretariat's device takes the
// roll call, every participant's device receives it and shows the quorum as the rule set
// counts it; once the meeting is closed the device refuses comments, positions and ballots
// itself (MEETING_CLOSED) and shows the votes the close decided.
describe('attendance and a closed meeting: client core against the server', () => {
  let h: Harness;
  let m: WriteMeeting;
  const cores: CoreHarness[] = [];

  const signIn = async (index: 'staff' | number): Promise<CoreHarness> => {
    const core = startCore({ serverUrl: h.url });
    cores.push(core);
    const account = index === 'staff' ? m.staffAccount : m.accounts[index];
    if (account === undefined || account === null) throw new Error('no such account');
    await core.call('session:login', {
      username: account.user.username,
      password: account.password,
    });
    await core.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
    return core;
  };

  beforeAll(async () => {
    h = await startHarness();
    // Three voting members and a substitute without the vote: quorum needs 2 of 3.
    m = await createWriteMeeting(h, {
      people: [{ role: 'chair' }, {}, {}, { role: 'substitute', mayVote: false }],
    });
  });

  afterAll(async () => {
    for (const core of cores) await core.dispose();
    await h?.close();
  });

  it('a member device receives the roll call and sees the quorum; a closed meeting refuses writes on the device', async () => {
    const member = await signIn(1);
    const secretariat = await signIn('staff');
    const [chair, , third, substitute] = m.people.map((p) => p.user.id);
    const itemId = m.itemIds[0]!;

    const before = await member.call('attendance:get', { meetingId: m.meetingId });
    expect(before).toMatchObject({
      recorded: false,
      quorum: { present: 0, eligible: 3, needed: 2, met: false, numerator: 2, denominator: 3 },
    });
    expect(before.attendees).toHaveLength(4);

    // One voter and the substitute: 1 of 3 voting members, no quorum.
    const first = await secretariat.call('attendance:set', {
      meetingId: m.meetingId,
      present: [chair!, substitute!],
    });
    expect(first.quorum).toMatchObject({ present: 1, eligible: 3, met: false });
    await eventually(async () => {
      const view = await member.call('attendance:get', { meetingId: m.meetingId });
      return view.recorded && view.quorum.present === 1 && !view.quorum.met;
    });
    const seen = await member.call('attendance:get', { meetingId: m.meetingId });
    expect(
      seen.attendees
        .filter((a) => a.present)
        .map((a) => a.userId)
        .sort(),
    ).toEqual([chair!, substitute!].sort());
    expect(seen.attendees.find((a) => a.userId === substitute)?.mayVote).toBe(false);

    // Two of three voting members: the quorum is reached on the member's device.
    await secretariat.call('attendance:set', {
      meetingId: m.meetingId,
      present: [chair!, third!, substitute!],
    });
    await eventually(async () => {
      const view = await member.call('attendance:get', { meetingId: m.meetingId });
      return view.quorum.present === 2 && view.quorum.met;
    });
    // A member cannot take the roll call.
    expect(await member.failCode('attendance:set', { meetingId: m.meetingId, present: [] })).toBe(
      'FORBIDDEN',
    );

    // A vote is open when the secretariat closes the meeting: it closes with it.
    const opened = await secretariat.call('votes:open', {
      agendaItemId: itemId,
      question: 'Thông qua dự thảo Nghị định?',
    });
    await eventually(
      async () => (await member.call('votes:list', { meetingId: m.meetingId })).votes.length === 1,
    );
    const closing = await http(h, 'POST', ADMIN_ROUTES.close(m.meetingId), {
      token: m.staff.token,
    });
    expect(closing.status).toBe(200);
    await eventually(async () => {
      const votes = await member.call('votes:list', { meetingId: m.meetingId });
      return votes.votes[0]?.vote.status === 'closed';
    });
    const closedVote = (await member.call('votes:list', { meetingId: m.meetingId })).votes[0];
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
      await secretariat.failCode('attendance:set', { meetingId: m.meetingId, present: [] }),
    ).toBe('CONFLICT');
  });
});
