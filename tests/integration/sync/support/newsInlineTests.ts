import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  defaultSocketFactory,
  type SocketFactory,
} from '../../../../electron/core/sync/SocketFactory.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { SOCKET_EVENTS } from '../../../../shared/protocol/socket.ts';
import { eventually, FAST_TUNING } from '../../../support/coreHarness.ts';
import { connectSession, http, pullAll } from '../../server/support/harness.ts';
import { createWriteMeeting, openVoteOk } from '../../server/support/writeFixture.ts';
import type { CoreServerContext } from './coreServerSuite.ts';

/** socket.io client sockets that count the `pull` requests they send. */
function countingFactory(): { factory: SocketFactory; pulls: () => number } {
  let pulls = 0;
  const factory: SocketFactory = (url, options) => {
    const socket = defaultSocketFactory(url, options);
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === SOCKET_EVENTS.pull) pulls += 1;
      return emit(event, ...args);
    }) as typeof socket.emit;
    return socket;
  };
  return { factory, pulls: () => pulls };
}

/** A news carrying its commit's entries, end to end: the real core against the real server. */
export function newsInlineTests(ctx: () => CoreServerContext): void {
  it('a device in sync takes a vote from the news without pulling; one behind pulls; both end as the server says', async () => {
    const c = ctx();
    const m = await createWriteMeeting(c.server, { people: [{}], staff: c.staff });
    const account = m.accounts[0];
    const session = m.people[0];
    if (account === undefined || session === undefined) throw new Error('fixture');
    const counting = countingFactory();
    const h = c.startCore({
      serverUrl: c.server.url,
      socketFactory: counting.factory,
      tuning: FAST_TUNING,
    });
    await h.call('session:login', { username: account.user.username, password: account.password });
    await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
    const staffSocket = await connectSession(c.server.url, c.staff);
    const itemId = m.itemIds[0] ?? '';
    const voteIds = async (): Promise<string[]> =>
      (await h.call('votes:list', { meetingId: m.meetingId })).votes.map((v) => v.vote.id);
    try {
      // In sync: the vote arrives inside the news, and no pull is sent.
      const pullsInSync = counting.pulls();
      const first = await openVoteOk(staffSocket, m.meetingId, itemId);
      await eventually(async () => (await voteIds()).includes(first.id));
      expect(counting.pulls()).toBe(pullsInSync);

      // Behind: a commit this member may not see (a draft meeting) gets no news to them, so
      // their cursor stays before it; the next vote's news follows it, and the device pulls.
      const draft = await http(c.server, 'POST', ADMIN_ROUTES.meetings, {
        token: c.staff.token,
        json: {
          id: randomUUID(),
          title: 'Bản nháp',
          kind: 'regular',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          chairId: null,
        },
      });
      expect(draft.status).toBe(201);
      const pullsBehind = counting.pulls();
      const second = await openVoteOk(staffSocket, m.meetingId, itemId);
      await eventually(async () => (await voteIds()).includes(second.id));
      expect(counting.pulls()).toBe(pullsBehind + 1);

      // Either way the replica holds what a pull of the whole log gives this member.
      const memberSocket = await connectSession(c.server.url, session);
      try {
        const truth = (await pullAll(memberSocket)).changes.flatMap((change) =>
          change.op === 'upsert' && change.entity === 'vote' ? [change.data] : [],
        );
        const held = (await h.call('votes:list', { meetingId: m.meetingId })).votes.map(
          (v) => v.vote,
        );
        const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
        expect(held.sort(byId)).toEqual(truth.sort(byId));
        expect(held.map((v) => v.id).sort()).toEqual([first.id, second.id].sort());
      } finally {
        memberSocket.disconnect();
      }
    } finally {
      staffSocket.disconnect();
    }
  });
}
