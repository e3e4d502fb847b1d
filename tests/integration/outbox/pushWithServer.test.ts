import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/domain/user.ts';
import { attachWriteServer, type FakeWriteServer } from '../../support/fakeWriteServer.ts';
import { startFakeSyncServer, type FakeSyncServer } from '../../support/fakeSyncServer.ts';
import { eventually, FAST_TUNING, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { ChangeLog, makeParticipant, makeUser, meetingBundle } from '../../support/syncFixtures.ts';

const TUNING = {
  ...FAST_TUNING,
  push: {
    debounceMs: 20,
    maxDebounceMs: 100,
    ackTimeoutMs: 1000,
    retry: { baseMs: 50, maxMs: 300 },
  },
};

let server: FakeSyncServer;
let writes: FakeWriteServer;
let log: ChangeLog;
let cores: CoreHarness[];
const alice = makeUser({ username: 'alice', displayName: 'Bộ trưởng Alice' });
const secretary = makeUser({ username: 'secretary', role: 'secretariat' });

/** A published meeting (starting tomorrow) with alice as a voting member. */
function publishMeeting() {
  const b = meetingBundle(log, alice, []);
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const meeting = { ...b.meeting, startsAt, endsAt: startsAt };
  server.publish([
    ...b.changes,
    log.upsert('meeting', meeting),
    log.upsert('user', secretary),
    log.upsert(
      'participant',
      makeParticipant(meeting.id, secretary.id, { role: 'secretariat', mayVote: false }),
    ),
  ]);
  return { ...b, meeting };
}

async function signedIn(user: User, password: string): Promise<CoreHarness> {
  const h = startCore({ serverUrl: server.url, tuning: TUNING });
  cores.push(h);
  await h.call('session:login', { username: user.username, password });
  await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
  return h;
}

const pending = async (h: CoreHarness): Promise<number> =>
  (await h.call('outbox:status', {})).pending;

beforeEach(async () => {
  server = await startFakeSyncServer();
  server.addUser(alice, 'alice-pw');
  server.addUser(secretary, 'secretary-pw');
  log = new ChangeLog();
  writes = attachWriteServer(server, log);
  cores = [];
});
afterEach(async () => {
  for (const h of cores) await h.dispose();
  await server.close();
});

describe('pushing the outbox to a server', () => {
  it('changes made offline are pushed in order on reconnect and echoed by the pull', async () => {
    const b = publishMeeting();
    const vote = writes.openVote(b.meeting.id, b.item.id);
    const h = await signedIn(alice, 'alice-pw');
    await eventually(
      async () => (await h.call('votes:list', { meetingId: b.meeting.id })).votes.length === 1,
    );
    await server.suspend();
    await h.waitFor('connection:state', (s) => s.state === 'offline');

    const first = await h.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: null,
      body: 'Đề nghị bổ sung số liệu',
    });
    await h.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: first.comment.id,
      body: 'Trả lời',
    });
    await h.call('comments:edit', {
      id: first.comment.id,
      body: 'Đề nghị bổ sung số liệu năm 2025',
    });
    await h.call('positions:set', {
      agendaItemId: b.item.id,
      stance: 'wish_to_speak',
      note: 'Về điều 5',
    });
    await h.call('votes:cast', { voteId: vote.id, choice: 'for' });
    expect(await h.call('outbox:status', {})).toMatchObject({ pending: 5, rejected: [] });
    const offline = await h.call('comments:list', { agendaItemId: b.item.id });
    expect(offline.comments.map((c) => [c.comment.body, c.depth, c.pending])).toEqual([
      ['Đề nghị bổ sung số liệu năm 2025', 0, true],
      ['Trả lời', 1, true],
    ]);

    await server.resume();
    await eventually(async () => (await pending(h)) === 0);
    expect(writes.pushes.flatMap((p) => p.mutations.map((m) => m.mutationId))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(writes.pushes.flatMap((p) => p.mutations.map((m) => m.kind))).toEqual([
      'comment.create',
      'comment.create',
      'comment.edit',
      'position.set',
      'vote.cast',
    ]);
    // The pull brings the server's records (server times) and the local copies give way.
    await eventually(async () => {
      const list = await h.call('comments:list', { agendaItemId: b.item.id });
      const server1 = writes.comments.get(first.comment.id);
      return (
        list.comments[0]?.comment.createdAt === server1?.createdAt &&
        list.comments.every((c) => !c.pending)
      );
    });
    const votes = await h.call('votes:list', { meetingId: b.meeting.id });
    expect(votes.votes[0]).toMatchObject({
      vote: { counts: { for: 1 } },
      myBallot: { choice: 'for', pending: false },
    });
    const positions = await h.call('positions:get', { meetingId: b.meeting.id });
    expect(positions.items[0]).toMatchObject({
      mine: { stance: 'wish_to_speak', note: 'Về điều 5' },
      pending: false,
    });
  });

  it('a lost ack: the device sends the same ids again and the server answers duplicates (one effect)', async () => {
    const b = publishMeeting();
    const h = await signedIn(alice, 'alice-pw');
    writes.knobs.dropAcks = 1;
    await h.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: null,
      body: 'Một lần thôi',
    });
    await eventually(async () => (await pending(h)) === 0, 15_000);
    expect(writes.pushes.length).toBeGreaterThanOrEqual(2);
    expect(writes.pushes.map((p) => p.mutations.map((m) => m.mutationId))).toEqual(
      writes.pushes.map(() => [1]),
    );
    expect(writes.effects).toHaveLength(1);
    expect(writes.comments.size).toBe(1);
    expect((await h.call('outbox:status', {})).lastError).toBeNull();
  });

  it('a vote refused as VOTING_CLOSED stays visible with its reason, across a restart, until dismissed', async () => {
    const b = publishMeeting();
    const vote = writes.openVote(b.meeting.id, b.item.id);
    const h = await signedIn(alice, 'alice-pw');
    await eventually(
      async () => (await h.call('votes:list', { meetingId: b.meeting.id })).votes.length === 1,
    );
    await server.suspend();
    await h.call('votes:cast', { voteId: vote.id, choice: 'against' });
    writes.closeVote(vote.id); // closed on the server while the device was away
    await h.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: null,
      body: 'Sau phiếu bị từ chối',
    });
    await server.resume();
    await h.waitFor('outbox:changed', (c) => c.pending === 0 && c.rejected === 1);
    const status = await h.call('outbox:status', {});
    expect(status.rejected).toEqual([
      expect.objectContaining({
        mutationId: 1,
        kind: 'vote.cast',
        summary: 'against',
        code: 'VOTING_CLOSED',
        meetingId: b.meeting.id,
      }),
    ]);
    expect(writes.comments.size).toBe(1); // the refusal did not block the comment after it
    await h.restart();
    await eventually(
      async () =>
        (await h.call('votes:list', { meetingId: b.meeting.id })).votes[0]?.vote.status ===
        'closed',
    );
    const [view] = (await h.call('votes:list', { meetingId: b.meeting.id })).votes;
    expect(view).toMatchObject({
      myBallot: null,
      rejectedChoice: 'against',
      rejection: { code: 'VOTING_CLOSED' },
    });
    expect((await h.call('outbox:dismiss', { mutationId: 1 })).rejected).toEqual([]);
    expect(
      (await h.call('votes:list', { meetingId: b.meeting.id })).votes[0]?.rejection,
    ).toBeNull();
    expect(await h.failCode('outbox:dismiss', { mutationId: 1 })).toBe('NOT_FOUND');
  });

  it('two devices of one member vote offline: one ballot counts, and both converge on it', async () => {
    const b = publishMeeting();
    const vote = writes.openVote(b.meeting.id, b.item.id);
    const laptop = await signedIn(alice, 'alice-pw');
    const tablet = await signedIn(alice, 'alice-pw');
    for (const h of [laptop, tablet])
      await eventually(
        async () => (await h.call('votes:list', { meetingId: b.meeting.id })).votes.length === 1,
      );
    await server.suspend();
    await laptop.call('votes:cast', { voteId: vote.id, choice: 'for' });
    await tablet.call('votes:cast', { voteId: vote.id, choice: 'against' });
    await laptop.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: null,
      body: 'Từ máy tính',
    });
    await tablet.call('comments:create', {
      agendaItemId: b.item.id,
      parentId: null,
      body: 'Từ máy tính bảng',
    });
    await server.resume();
    for (const h of [laptop, tablet]) await eventually(async () => (await pending(h)) === 0);
    expect(writes.clients.size).toBe(2);
    expect([...writes.clients.values()].map((c) => [c.userId, c.last])).toEqual([
      [alice.id, 2],
      [alice.id, 2],
    ]);
    expect(writes.ballots.size).toBe(1);
    const counted = [...writes.ballots.values()][0]?.choice;
    await eventually(async () => {
      for (const h of [laptop, tablet]) {
        const [v] = (await h.call('votes:list', { meetingId: b.meeting.id })).votes;
        const comments = (await h.call('comments:list', { agendaItemId: b.item.id })).comments;
        if (!v?.myBallot || v.myBallot.choice !== counted || v.myBallot.pending) return false;
        if (v.vote.counts.for + v.vote.counts.against !== 1) return false;
        if (comments.length !== 2 || comments.some((c) => c.pending)) return false;
      }
      return true;
    });
  });

  it('the secretariat opens and closes votes online; members are refused; offline is SERVER_UNREACHABLE', async () => {
    const b = publishMeeting();
    const member = await signedIn(alice, 'alice-pw');
    const office = await signedIn(secretary, 'secretary-pw');
    const { vote } = await office.call('votes:open', {
      agendaItemId: b.item.id,
      question: 'Thông qua dự thảo Nghị định?',
    });
    expect(vote).toMatchObject({
      status: 'open',
      meetingId: b.meeting.id,
      question: 'Thông qua dự thảo Nghị định?',
    });
    expect(await member.failCode('votes:open', { agendaItemId: b.item.id, question: 'x' })).toBe(
      'FORBIDDEN',
    );
    expect(await member.failCode('votes:close', { voteId: vote.id })).toBe('FORBIDDEN');
    await eventually(
      async () => (await member.call('votes:list', { meetingId: b.meeting.id })).votes.length === 1,
    );
    await member.call('votes:cast', { voteId: vote.id, choice: 'for' });
    await eventually(async () => (await pending(member)) === 0);
    const closed = await office.call('votes:close', { voteId: vote.id });
    expect(closed.vote).toMatchObject({
      status: 'closed',
      counts: { for: 1 },
      result: { eligible: 1, for: 1, outcome: 'passed' },
    });
    await eventually(
      async () =>
        (await member.call('votes:list', { meetingId: b.meeting.id })).votes[0]?.vote.status ===
        'closed',
    );
    expect(await member.failCode('votes:cast', { voteId: vote.id, choice: 'against' })).toBe(
      'VOTING_CLOSED',
    );
    await server.suspend();
    await office.waitFor('connection:state', (s) => s.state === 'offline');
    expect(await office.failCode('votes:open', { agendaItemId: b.item.id, question: 'x' })).toBe(
      'SERVER_UNREACHABLE',
    );
  });

  it('a server refusing the protocol version leaves a clear "update required" state', async () => {
    publishMeeting();
    const h = await signedIn(alice, 'alice-pw');
    server.knobs.protocolRefused = true;
    await server.suspend();
    await server.resume();
    await h.waitFor('outbox:changed', (c) => c.updateRequired);
    expect(await h.call('outbox:status', {})).toMatchObject({
      updateRequired: true,
      lastError: { code: 'PROTOCOL_UNSUPPORTED' },
    });
    server.knobs.protocolRefused = false;
    await h.waitFor('outbox:changed', (c) => !c.updateRequired);
  });
});
