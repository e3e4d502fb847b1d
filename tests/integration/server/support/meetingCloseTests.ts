import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { comments, positions, voteBallots, votes } from '../../../../server/src/db/memberSchema.ts';
import { eq } from '../../../../server/src/db/operators.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { SECRETARIAT_EVENTS } from '../../../../shared/protocol/secretariat.ts';
import type { Result } from '../../../../shared/util/result.ts';
import { connectSession, errorOf, http, pullAll, type Harness } from './harness.ts';
import {
  createWriteMeeting,
  mutation,
  openVoteOk,
  pushOk,
  setAttendance,
  voteClose,
} from './writeFixture.ts';

const cast = (id: number, voteId: string, choice: string) =>
  mutation(id, 'vote.cast', { voteId, choice });

function attendanceOf(changes: readonly Change[]): Change[] {
  return changes.filter((c) => c.entity === 'attendance');
}

async function closeMeeting(h: Harness, token: string, meetingId: string) {
  return http(h, 'POST', ADMIN_ROUTES.close(meetingId), { token });
}

/**
 * Attendance on the change log (the roll call reaches the meeting's participants), closing a
 * meeting closing its open votes in the same transaction, and MEETING_CLOSED for what members
 * write in a closed meeting.
 */
export function meetingCloseTests(get: () => Harness): void {
  describe('attendance on the change log', () => {
    it('a roll call reaches every participant as one attendance record; an unchanged one writes nothing', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}, {}] });
      const outsider = await h.login(await h.createAccount('member'));
      const present = [m.people[0]!.user.id, m.people[2]!.user.id];
      const member = await connectSession(h.url, m.people[1]!);
      const stranger = await connectSession(h.url, outsider);
      try {
        const before = (await pullAll(member)).cursor;
        expect((await setAttendance(h, m.staff, m.meetingId, present)).status).toBe(200);
        const seen = attendanceOf((await pullAll(member, before)).changes);
        expect(seen).toEqual([
          expect.objectContaining({
            op: 'upsert',
            entity: 'attendance',
            data: { id: m.meetingId, meetingId: m.meetingId, present: [...present].sort() },
          }),
        ]);
        // Not a participant: the roll call of someone else's meeting never reaches them.
        expect(attendanceOf((await pullAll(stranger)).changes)).toEqual([]);
        // The same list again changes nothing, so nothing new is logged.
        const cursor = (await pullAll(member)).cursor;
        expect((await setAttendance(h, m.staff, m.meetingId, [...present].reverse())).status).toBe(
          200,
        );
        expect(attendanceOf((await pullAll(member, cursor)).changes)).toEqual([]);
        // Nobody present any more: an empty list, not a delete.
        expect((await setAttendance(h, m.staff, m.meetingId, [])).status).toBe(200);
        expect(attendanceOf((await pullAll(member, cursor)).changes)).toEqual([
          expect.objectContaining({
            op: 'upsert',
            data: { id: m.meetingId, meetingId: m.meetingId, present: [] },
          }),
        ]);
      } finally {
        member.close();
        stranger.close();
      }
    });

    it('a member added later gets the roll call in their snapshot, past their cursor', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }] });
      const chair = m.people[0]!.user.id;
      expect((await setAttendance(h, m.staff, m.meetingId, [chair])).status).toBe(200);
      const late = await h.createAccount('member');
      const socket = await connectSession(h.url, await h.login(late));
      // Synced before being added: the roll call entry is behind this cursor now.
      const cursor = (await pullAll(socket)).cursor;
      const added = await http(h, 'PUT', ADMIN_ROUTES.participants(m.meetingId), {
        token: m.staff.token,
        json: {
          participants: [
            { userId: chair, role: 'chair', mayVote: true },
            { userId: late.user.id, role: 'member', mayVote: true },
          ],
        },
      });
      expect(added.status).toBe(200);
      try {
        expect(attendanceOf((await pullAll(socket, cursor)).changes)).toEqual([
          expect.objectContaining({
            data: { id: m.meetingId, meetingId: m.meetingId, present: [chair] },
          }),
        ]);
      } finally {
        socket.close();
      }
    });

    it('attendance:set over the socket: staff only (FORBIDDEN for members), participants only, answers the record', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}] });
      const staff = await connectSession(h.url, m.staff);
      const member = await connectSession(h.url, m.people[0]!);
      const set = async (socket: typeof staff, present: string[], meetingId = m.meetingId) =>
        (await socket
          .timeout(10_000)
          .emitWithAck(SECRETARIAT_EVENTS.attendanceSet, { meetingId, present })) as Result<{
          attendance: unknown;
        }>;
      try {
        const ids = m.people.map((p) => p.user.id);
        expect(await set(member, ids)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await set(staff, [randomUUID()])).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT' },
        });
        expect(await set(staff, ids, randomUUID())).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
        expect(await set(staff, ids)).toEqual({
          ok: true,
          value: {
            attendance: { id: m.meetingId, meetingId: m.meetingId, present: [...ids].sort() },
          },
        });
      } finally {
        staff.close();
        member.close();
      }
    });
  });

  describe('closing a meeting', () => {
    it('closes every open vote of the meeting with its outcome, in the same transaction, and logs them', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}, {}], items: 2 });
      const other = await createWriteMeeting(h, { people: [{}], staff: m.staff });
      const staff = await connectSession(h.url, m.staff);
      const watcher = await connectSession(h.url, m.people[2]!);
      try {
        const ids = m.people.map((p) => p.user.id);
        expect((await setAttendance(h, m.staff, m.meetingId, ids)).status).toBe(200);
        const first = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        const second = await openVoteOk(staff, m.meetingId, m.itemIds[1]!);
        const done = await openVoteOk(staff, m.meetingId, m.itemIds[1]!);
        const elsewhere = await openVoteOk(staff, other.meetingId, other.itemIds[0]!);
        const doneClosed = await voteClose(staff, done.id);
        if (!doneClosed.ok) throw new Error(doneClosed.error.code);
        for (const [i, person] of m.people.entries()) {
          const socket = await connectSession(h.url, person);
          try {
            await pushOk(socket, randomUUID(), [
              cast(1, first.id, i < 2 ? 'for' : 'against'),
              cast(2, second.id, 'against'),
            ]);
          } finally {
            socket.close();
          }
        }
        const cursor = (await pullAll(watcher)).cursor;

        const res = await closeMeeting(h, m.staff.token, m.meetingId);
        expect(res.status).toBe(200);

        const rows = await h.server.db.select().from(votes).where(eq(votes.meetingId, m.meetingId));
        const byId = new Map(rows.map((r) => [r.id, r]));
        // 2 of 3 for: more than half of ALL members, quorum 3/3 present → passed.
        expect(byId.get(first.id)).toMatchObject({
          status: 'closed',
          closedBy: m.staff.user.id,
          countFor: 2,
          countAgainst: 1,
          result: { outcome: 'passed', present: 3, eligible: 3 },
        });
        expect(byId.get(second.id)).toMatchObject({
          status: 'closed',
          countAgainst: 3,
          result: { outcome: 'failed' },
        });
        // Already closed: kept as it was (the trigger forbids any change anyway).
        expect(byId.get(done.id)?.closedAt?.toISOString()).toBe(doneClosed.value.vote.closedAt);
        // Another meeting's vote is untouched.
        const [untouched] = await h.server.db
          .select()
          .from(votes)
          .where(eq(votes.id, elsewhere.id));
        expect(untouched?.status).toBe('open');

        // Devices learn of the closed votes through the log, after the meeting's own entry.
        const changes = (await pullAll(watcher, cursor)).changes;
        const closedVotes = changes.filter(
          (c) => c.op === 'upsert' && c.entity === 'vote' && c.data.status === 'closed',
        );
        expect(closedVotes.map((c) => (c.op === 'upsert' ? c.data.id : null)).sort()).toEqual(
          [first.id, second.id].sort(),
        );
        expect(
          changes.some(
            (c) => c.op === 'upsert' && c.entity === 'meeting' && c.data.status === 'closed',
          ),
        ).toBe(true);

        // Closing again is a no-op: nothing more is logged.
        const after = (await pullAll(watcher)).cursor;
        expect((await closeMeeting(h, m.staff.token, m.meetingId)).status).toBe(200);
        expect((await pullAll(watcher, after)).changes).toEqual([]);
      } finally {
        staff.close();
        watcher.close();
      }
    });

    it('with no roll call, only the voters count toward the quorum when the meeting closes the vote', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}, {}] });
      const staff = await connectSession(h.url, m.staff);
      const voter = await connectSession(h.url, m.people[0]!);
      try {
        const vote = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        await pushOk(voter, randomUUID(), [cast(1, vote.id, 'for')]);
        expect((await closeMeeting(h, m.staff.token, m.meetingId)).status).toBe(200);
        const [row] = await h.server.db.select().from(votes).where(eq(votes.id, vote.id));
        expect(row?.result).toMatchObject({ outcome: 'no_quorum', present: 1, quorumMet: false });
      } finally {
        staff.close();
        voter.close();
      }
    });
  });

  describe('a closed meeting accepts no more comments, positions or ballots', () => {
    it('comment.create/edit/delete, position.set and vote.cast are MEETING_CLOSED; nothing changes', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }, {}] });
      const staff = await connectSession(h.url, m.staff);
      const member = await connectSession(h.url, m.people[0]!);
      const clientId = randomUUID();
      try {
        const commentId = randomUUID();
        const base = { meetingId: m.meetingId, agendaItemId: m.itemIds[0]! };
        const vote = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        const early = await pushOk(member, clientId, [
          mutation(1, 'comment.create', { ...base, id: commentId, parentId: null, body: 'Trước' }),
        ]);
        expect(early.acks[0]?.status).toBe('applied');
        expect((await closeMeeting(h, m.staff.token, m.meetingId)).status).toBe(200);

        const late = await pushOk(member, clientId, [
          mutation(2, 'comment.create', { ...base, id: randomUUID(), parentId: null, body: 'Sau' }),
          mutation(3, 'comment.edit', { id: commentId, body: 'Sửa' }),
          mutation(4, 'comment.delete', { id: commentId }),
          mutation(5, 'position.set', { ...base, stance: 'object', note: '' }),
          cast(6, vote.id, 'for'),
        ]);
        expect(late.acks.map((a) => (a.status === 'rejected' ? a.code : a.status))).toEqual([
          'MEETING_CLOSED',
          'MEETING_CLOSED',
          'MEETING_CLOSED',
          'MEETING_CLOSED',
          'MEETING_CLOSED',
        ]);
        const thread = await h.server.db
          .select()
          .from(comments)
          .where(eq(comments.meetingId, m.meetingId));
        expect(thread).toEqual([
          expect.objectContaining({
            id: commentId,
            body: 'Trước',
            editedAt: null,
            deletedAt: null,
          }),
        ]);
        expect(
          await h.server.db.select().from(positions).where(eq(positions.meetingId, m.meetingId)),
        ).toEqual([]);
        expect(
          await h.server.db.select().from(voteBallots).where(eq(voteBallots.voteId, vote.id)),
        ).toEqual([]);
        // Still the same answer for someone who may not see the meeting: NOT_FOUND first.
        const outsider = await connectSession(
          h.url,
          await h.login(await h.createAccount('member')),
        );
        try {
          const res = await pushOk(outsider, randomUUID(), [
            mutation(1, 'comment.create', { ...base, id: randomUUID(), parentId: null, body: 'x' }),
          ]);
          expect(res.acks[0]).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
        } finally {
          outsider.close();
        }
        // The roll call of a closed meeting is final.
        const roll = await setAttendance(h, m.staff, m.meetingId, [m.people[0]!.user.id]);
        expect(roll.status).toBe(409);
        expect(errorOf(roll).code).toBe('CONFLICT');
      } finally {
        staff.close();
        member.close();
      }
    });
  });
}
