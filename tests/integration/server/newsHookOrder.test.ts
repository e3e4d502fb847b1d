import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket as ClientSocket } from 'socket.io-client';
import { ADMIN_ROUTES } from '../../../shared/protocol/admin.ts';
import { newsSchema, type News } from '../../../shared/protocol/socket.ts';
import type { Committed } from '../../../server/src/ServerHooks.ts';
import { connectSession, http, pullAll, startHarness, type Harness } from './support/harness.ts';
import { createWriteMeeting, openVoteOk } from './support/writeFixture.ts';

// News with entries when the after-commit hooks of one server process run out of commit order
// (possible on PostgreSQL): server/src/socket/announceNews.ts must not inline a commit while
// an earlier one's room changes are still to come.

/** Every news a socket receives, parsed (a malformed one fails the test). */
function newsOf(socket: ClientSocket): News[] {
  const list: News[] = [];
  socket.on('news', (payload: unknown) => list.push(newsSchema.parse(payload)));
  return list;
}

/** Whether the news carries an entry about `id` (inlined). */
const carries = (news: News, id: string): boolean =>
  news.changes !== undefined && JSON.stringify(news.changes).includes(id);

/** Waits until `list` has a news matching `match`. */
async function until(list: News[], match: (news: News) => boolean): Promise<News> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = list.find(match);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no such news in ${JSON.stringify(list)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('news when hooks run out of commit order (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('a member removed by a commit whose hook comes late never gets the later entries inlined', async () => {
    const m = await createWriteMeeting(h, { people: [{}, {}] });
    const [removed, staying] = m.people;
    const stayingAccount = m.accounts[1];
    if (removed === undefined || staying === undefined || stayingAccount === undefined)
      throw new Error('fixture');
    const removedSocket = await connectSession(h.url, removed);
    const stayingSocket = await connectSession(h.url, staying);
    const staffSocket = await connectSession(h.url, m.staff);
    const item = m.itemIds[0] ?? '';
    try {
      const removedNews = newsOf(removedSocket);
      const stayingNews = newsOf(stayingSocket);
      const staffNews = newsOf(staffSocket);
      await pullAll(removedSocket);
      // Two commits: the chain runs and both members are settled in the meeting's room.
      await openVoteOk(staffSocket, m.meetingId, item);
      const primer = await openVoteOk(staffSocket, m.meetingId, item);
      for (const list of [removedNews, stayingNews])
        await until(list, (n) => carries(n, primer.id));

      // Hold the hooks of three commits: A removes `removed` from the meeting, B and C open
      // votes in it. Then run them as B, C, A.
      const hooks = h.server.context.hooks;
      const run = hooks.committed.bind(hooks);
      const held: Committed[] = [];
      hooks.committed = (committed) => {
        held.push(committed);
      };
      try {
        const res = await http(h, 'PUT', ADMIN_ROUTES.participants(m.meetingId), {
          token: m.staff.token,
          json: {
            participants: [{ userId: stayingAccount.user.id, role: 'member', mayVote: true }],
          },
        });
        expect(res.status).toBe(200);
        await openVoteOk(staffSocket, m.meetingId, item);
        await openVoteOk(staffSocket, m.meetingId, item);
      } finally {
        hooks.committed = run;
      }
      const [a, b, c] = held;
      if (a === undefined || b === undefined || c === undefined || held.length !== 3)
        throw new Error(`expected 3 held commits, got ${held.length}`);
      expect(a.access).toEqual([
        { userId: removed.user.id, meetingId: m.meetingId, gained: false },
      ]);
      const seqOf = (commit: Committed) => Math.max(...commit.changes.map((e) => e.seq));
      const seen = removedNews.length;
      run(b);
      run(c);
      run(a);
      await until(staffNews, (n) => n.seq === seqOf(a));
      await until(staffNews, (n) => n.seq === seqOf(c));

      // A commit after them chains again: inlined to the member who stayed, not to the other.
      const after = await openVoteOk(staffSocket, m.meetingId, item);
      const inlined = await until(stayingNews, (n) => carries(n, after.id));
      expect(inlined.prevSeq).toBe(seqOf(c));
      await until(staffNews, (n) => n.seq === inlined.seq);
      // Nothing the removed member received after A carried entries (B and C were in order
      // before A's hook; news are emitted in order, so everything up to `after` has arrived).
      await until(stayingNews, (n) => n.seq === inlined.seq);
      expect(removedNews.slice(seen).filter((n) => n.changes !== undefined)).toEqual([]);
    } finally {
      removedSocket.disconnect();
      stayingSocket.disconnect();
      staffSocket.disconnect();
    }
  });
});
