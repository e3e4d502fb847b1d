import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/protocol/changes.ts';
import { startFakeSyncServer, type FakeSyncServer } from '../../support/fakeSyncServer.ts';
import { eventually, startCore, type CoreHarness } from '../../support/coreHarness.ts';
import { ChangeLog, makeMeeting, makeUser } from '../../support/syncFixtures.ts';

// The core's handling of a `news` that carries its commit's entries (shared/protocol/socket.ts
// newsSchema): applied without a pull when the stored cursor is its prevSeq, pulled otherwise.

let server: FakeSyncServer;
let h: CoreHarness;
const alice = makeUser({ username: 'alice' });

beforeEach(async () => {
  server = await startFakeSyncServer();
  server.addUser(alice, 'alice-pw');
  h = startCore({ serverUrl: server.url });
});
afterEach(async () => {
  await h.dispose();
  await server.close();
});

/** Signs in; resolves once the first pull (of an empty log unless published before) is done. */
async function signIn(): Promise<void> {
  await h.call('session:login', { username: 'alice', password: 'alice-pw' });
  await h.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
}

const meetingIds = async (): Promise<string[]> =>
  (await h.call('meetings:list', {})).meetings.map((s) => s.meeting.id).sort();

/** Publishes `changes` without a hint, then sends them inlined after `prevSeq`. */
function commitInline(changes: Change[], prevSeq: number): void {
  server.publish(changes, { hint: false });
  server.emitNews({ seq: changes.at(-1)?.seq, prevSeq, changes });
}

describe('news with inlined changes', () => {
  it('an up-to-date device applies them without pulling, cursor and all', async () => {
    const log = new ChangeLog();
    const first = makeMeeting();
    server.publish([log.upsert('meeting', first)], { hint: false });
    await signIn();
    const pullsBefore = server.pulls.length;
    expect(pullsBefore).toBe(1);

    const m = makeMeeting();
    const prev = log.last;
    const applied = h.waitFor('sync:applied', (e) => e.cursor === prev + 2);
    commitInline([log.upsert('meeting', m), log.delete('meeting', first.id)], prev);
    expect(await applied).toMatchObject({ cursor: log.last, entities: ['meeting'] });
    expect(await meetingIds()).toEqual([m.id]);
    expect(server.pulls.length).toBe(pullsBefore);

    // The stored cursor moved with them: the next pull asks from there.
    await h.call('sync:now', {});
    await eventually(() => server.pulls.length === pullsBefore + 1);
    expect(server.pulls.at(-1)?.since).toBe(log.last);
  });

  it('a device behind (cursor ≠ prevSeq) pulls instead and ends with the whole log', async () => {
    const log = new ChangeLog();
    await signIn();
    const pullsBefore = server.pulls.length;
    // A commit this device never heard of…
    const missed = makeMeeting();
    server.publish([log.upsert('meeting', missed)], { hint: false });
    // …then one announced with its entries, following the missed one.
    const m = makeMeeting();
    const prev = log.last;
    commitInline([log.upsert('meeting', m)], prev);
    await eventually(async () => (await meetingIds()).length === 2);
    expect(await meetingIds()).toEqual([missed.id, m.id].sort());
    expect(server.pulls.length).toBe(pullsBefore + 1);
    expect(server.pulls.at(-1)?.since).toBe(0);
  });

  it('a news older than the cursor changes nothing and pulls nothing', async () => {
    const log = new ChangeLog();
    const m = makeMeeting();
    server.publish([log.upsert('meeting', m)], { hint: false });
    await signIn();
    const pullsBefore = server.pulls.length;
    const stale = { ...m, title: 'stale copy' };
    server.emitNews({ seq: 1, prevSeq: 0, changes: [{ ...log.upsert('meeting', stale), seq: 1 }] });
    // A later hint proves the stale news was handled first (events arrive in order).
    const next = makeMeeting();
    server.publish([log.upsert('meeting', next)]);
    await eventually(async () => (await meetingIds()).length === 2);
    const [summary] = (await h.call('meetings:list', {})).meetings.filter(
      (s) => s.meeting.id === m.id,
    );
    expect(summary?.meeting.title).toBe(m.title);
    expect(server.pulls.length).toBe(pullsBefore + 1);
  });

  it('malformed news are never applied: the device pulls and its store stays the server truth', async () => {
    const log = new ChangeLog();
    await signIn();
    const forged = makeMeeting({ title: 'forged' });
    const cases: unknown[] = [
      // Entries that do not parse.
      { seq: 1, prevSeq: 0, changes: [{ seq: 1, op: 'upsert', entity: 'meeting', data: {} }] },
      // An entity no device knows.
      { seq: 1, prevSeq: 0, changes: [{ seq: 1, op: 'upsert', entity: 'x', data: forged }] },
      // Not the whole commit: seqs 1..2 announced, one entry.
      { seq: 2, prevSeq: 0, changes: [{ seq: 2, op: 'upsert', entity: 'meeting', data: forged }] },
      // prevSeq without entries, entries without prevSeq, an extra key.
      { seq: 1, prevSeq: 0 },
      { seq: 1, changes: [{ seq: 1, op: 'upsert', entity: 'meeting', data: forged }] },
      {
        seq: 1,
        prevSeq: 0,
        changes: [{ seq: 1, op: 'upsert', entity: 'meeting', data: forged }],
        extra: true,
      },
      'not an object',
    ];
    for (const [index, payload] of cases.entries()) {
      const pullsBefore = server.pulls.length;
      server.emitNews(payload);
      await eventually(() => server.pulls.length === pullsBefore + 1);
      expect(await meetingIds(), `case ${index}`).toEqual([]);
    }

    // The real log still syncs, through the pull the next malformed news causes.
    const real = makeMeeting();
    server.publish([log.upsert('meeting', real)], { hint: false });
    server.emitNews({
      seq: 1,
      prevSeq: 0,
      changes: [{ seq: 1, op: 'upsert', entity: 'meeting', data: {} }],
    });
    await eventually(async () => (await meetingIds()).length === 1);
    expect(await meetingIds()).toEqual([real.id]);
  });

  it('while a pull is running, a news is not applied beside it: the pull loop goes round again', async () => {
    const log = new ChangeLog();
    await signIn();
    const pullsBefore = server.pulls.length;
    server.knobs.pullDelayMs = 300;
    // Starts a pull at once; the fake server answers it (and counts it) 300 ms later.
    await h.call('sync:now', {});
    expect(server.pulls.length).toBe(pullsBefore);
    const m = makeMeeting();
    commitInline([log.upsert('meeting', m)], 0);
    await eventually(() => server.pulls.length === pullsBefore + 2, 5_000);
    expect(await meetingIds()).toEqual([m.id]);
  });
});
