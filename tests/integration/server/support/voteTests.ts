import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { voteBallots, votes } from '../../../../server/src/db/memberSchema.ts';
import { eq, sql } from '../../../../server/src/db/operators.ts';
import { ADMIN_ROUTES } from '../../../../shared/protocol/admin.ts';
import { connectSession, errorOf, http, pullAll, type Harness } from './harness.ts';
import {
  createWriteMeeting,
  mutation,
  openVoteOk,
  pushOk,
  setAttendance,
  voteClose,
  voteOpen,
} from './writeFixture.ts';

const cast = (id: number, voteId: string, choice: string, clientTime?: number) =>
  mutation(id, 'vote.cast', { voteId, choice }, clientTime);

export function voteTests(get: () => Harness): void {
  describe('live votes', () => {
    it('members get FORBIDDEN for vote:open and vote:close; nothing is created', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{ role: 'chair' }] });
      const member = await connectSession(h.url, m.people[0]!);
      const staff = await connectSession(h.url, m.staff);
      try {
        const voteId = randomUUID();
        const open = await voteOpen(member, {
          voteId,
          meetingId: m.meetingId,
          agendaItemId: m.itemIds[0]!,
        });
        expect(open).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        const real = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        expect(await voteClose(member, real.id)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
        const rows = await h.server.db.select().from(votes).where(eq(votes.meetingId, m.meetingId));
        expect(rows.map((r) => [r.id, r.status])).toEqual([[real.id, 'open']]);
      } finally {
        member.close();
        staff.close();
      }
    });

    it('vote:open: a retry answers the same vote; a taken id, a draft meeting → CONFLICT; unknown item → NOT_FOUND', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}], items: 2 });
      const draft = await createWriteMeeting(h, { people: [{}], publish: false, staff: m.staff });
      const staff = await connectSession(h.url, m.staff);
      try {
        const voteId = randomUUID();
        const request = { voteId, meetingId: m.meetingId, agendaItemId: m.itemIds[0]! };
        const first = await voteOpen(staff, request);
        const again = await voteOpen(staff, request);
        expect(first.ok && again.ok).toBe(true);
        expect(again).toEqual(first);
        expect(await voteOpen(staff, { ...request, agendaItemId: m.itemIds[1]! })).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT' },
        });
        expect(
          await voteOpen(staff, { meetingId: draft.meetingId, agendaItemId: draft.itemIds[0]! }),
        ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        expect(
          await voteOpen(staff, { meetingId: m.meetingId, agendaItemId: draft.itemIds[0]! }),
        ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        expect(
          await staff.timeout(5_000).emitWithAck('vote:open', {
            ...request,
            voteId: randomUUID(),
            question: 'q',
            ruleSetId: 'no.such.rules',
          }),
        ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(
          await staff.timeout(5_000).emitWithAck('vote:open', { ...request, question: 'q' }),
        ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(await voteClose(staff, randomUUID())).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
        // An agenda item with a vote cannot be removed from the agenda.
        const removal = await http(h, 'PUT', ADMIN_ROUTES.agenda(m.meetingId), {
          token: m.staff.token,
          json: { items: [{ id: m.itemIds[1], position: 1, title: 'Còn lại' }] },
        });
        expect(removal.status).toBe(409);
        expect(errorOf(removal).code).toBe('CONFLICT');
      } finally {
        staff.close();
      }
    });

    it('two devices of one member: one counted ballot, the latest received; live counts follow', async () => {
      const h = get();
      const m = await createWriteMeeting(h, { people: [{}, {}] });
      const member = m.people[0]!;
      const laptop = await connectSession(h.url, member);
      const tablet = await connectSession(h.url, await h.login(m.accounts[0]!));
      const staff = await connectSession(h.url, m.staff);
      try {
        const vote = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        // Both devices voted offline; the tablet's ballot arrives last, so it counts.
        const onLaptop = await pushOk(laptop, randomUUID(), [cast(1, vote.id, 'for')]);
        const onTablet = await pushOk(tablet, randomUUID(), [cast(1, vote.id, 'against')]);
        expect(onLaptop.acks[0]?.status).toBe('applied');
        expect(onTablet.acks[0]?.status).toBe('applied');
        const rows = await h.server.db
          .select()
          .from(voteBallots)
          .where(eq(voteBallots.voteId, vote.id));
        expect(rows).toEqual([
          expect.objectContaining({ userId: member.user.id, choice: 'against' }),
        ]);
        const [row] = await h.server.db.select().from(votes).where(eq(votes.id, vote.id));
        expect([row?.countFor, row?.countAgainst, row?.countAbstain]).toEqual([0, 1, 0]);
        // The member sees their own ballot; the other member sees the counts but not the ballot.
        const other = await connectSession(h.url, m.people[1]!);
        try {
          const otherView = (await pullAll(other)).changes;
          expect(otherView.some((c) => c.op === 'upsert' && c.entity === 'ballot')).toBe(false);
          const lastVote = otherView.filter((c) => c.op === 'upsert' && c.entity === 'vote').at(-1);
          expect(lastVote).toMatchObject({ data: { counts: { for: 0, against: 1, abstain: 0 } } });
        } finally {
          other.close();
        }
        const mine = (await pullAll(laptop)).changes.filter(
          (c) => c.op === 'upsert' && c.entity === 'ballot',
        );
        expect(mine.at(-1)).toMatchObject({ data: { choice: 'against', userId: member.user.id } });
      } finally {
        laptop.close();
        tablet.close();
        staff.close();
      }
    });

    it('a substitute without the vote and a guest are NOT_ELIGIBLE; staff outside the meeting too', async () => {
      const h = get();
      const m = await createWriteMeeting(h, {
        people: [{ role: 'substitute', mayVote: false }, { role: 'guest', mayVote: false }, {}],
      });
      const staff = await connectSession(h.url, m.staff);
      try {
        const vote = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        for (const person of m.people.slice(0, 2)) {
          const socket = await connectSession(h.url, person);
          try {
            const res = await pushOk(socket, randomUUID(), [cast(1, vote.id, 'for')]);
            expect(res.acks).toEqual([
              expect.objectContaining({ status: 'rejected', code: 'NOT_ELIGIBLE' }),
            ]);
          } finally {
            socket.close();
          }
        }
        const staffBallot = await pushOk(staff, randomUUID(), [cast(1, vote.id, 'for')]);
        expect(staffBallot.acks[0]).toMatchObject({ code: 'NOT_ELIGIBLE' });
        const rows = await h.server.db
          .select()
          .from(voteBallots)
          .where(eq(voteBallots.voteId, vote.id));
        expect(rows).toEqual([]);
      } finally {
        staff.close();
      }
    });

    it('after vote:close a ballot is VOTING_CLOSED whatever the device clock says; the stored tally is immutable', async () => {
      const h = get();
      const m = await createWriteMeeting(h, {
        people: [{ role: 'chair' }, {}, {}, {}],
      });
      const sockets = await Promise.all(m.people.map((p) => connectSession(h.url, p)));
      const staff = await connectSession(h.url, m.staff);
      try {
        expect(
          (
            await setAttendance(
              h,
              m.staff,
              m.meetingId,
              m.people.map((p) => p.user.id),
            )
          ).status,
        ).toBe(200);
        const vote = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        const choices = ['for', 'for', 'against', 'against'];
        for (const [i, socket] of sockets.entries())
          await pushOk(socket, randomUUID(), [cast(1, vote.id, choices[i]!)]);
        const closed = await voteClose(staff, vote.id);
        if (!closed.ok) throw new Error(closed.error.code);
        // 2 of 4 for, 2 against: a tie exactly at the threshold; the chair voted for.
        expect(closed.value.vote).toMatchObject({
          status: 'closed',
          counts: { for: 2, against: 2, abstain: 0 },
          result: {
            outcome: 'passed',
            decidedByChair: true,
            eligible: 4,
            present: 4,
            quorumMet: true,
            notVoted: 0,
          },
        });

        const clientId = randomUUID();
        const late = await pushOk(sockets[2]!, clientId, [
          cast(1, vote.id, 'for', Date.parse(vote.openedAt) + 1), // "cast" right after opening
        ]);
        expect(late.acks).toEqual([
          expect.objectContaining({ status: 'rejected', code: 'VOTING_CLOSED' }),
        ]);
        // Closing again answers the stored vote; nothing is recounted.
        expect(await voteClose(staff, vote.id)).toEqual(closed);
        // The database itself refuses to touch a closed vote or its ballots.
        await expect(
          h.server.db.update(votes).set({ countFor: 4 }).where(eq(votes.id, vote.id)),
        ).rejects.toThrow();
        await expect(
          h.server.db.execute(
            sql`UPDATE vote_ballots SET choice = 'for' WHERE vote_id = ${vote.id}`,
          ),
        ).rejects.toThrow();
        const [row] = await h.server.db.select().from(votes).where(eq(votes.id, vote.id));
        expect(row?.result).toEqual(closed.value.vote.result);
        const pulled = (await pullAll(sockets[1]!)).changes
          .filter((c) => c.op === 'upsert' && c.entity === 'vote')
          .at(-1);
        expect(pulled).toMatchObject({ data: closed.value.vote });
      } finally {
        for (const s of sockets) s.close();
        staff.close();
      }
    });

    it('quorum: nobody is assumed present; voters and the recorded roll call count', async () => {
      const h = get();
      const m = await createWriteMeeting(h, {
        people: [{ role: 'chair' }, {}, {}, {}, {}, { role: 'substitute', mayVote: false }],
      });
      const staff = await connectSession(h.url, m.staff);
      const voters = await Promise.all(m.people.slice(0, 3).map((p) => connectSession(h.url, p)));
      try {
        // A roll call may only list participants; members may not set it.
        const stranger = await h.createAccount('member');
        const bad = await setAttendance(h, m.staff, m.meetingId, [stranger.user.id]);
        expect(bad.status).toBe(400);
        const byMember = await http(h, 'PUT', ADMIN_ROUTES.attendance(m.meetingId), {
          token: m.people[0]!.token,
          json: { present: [] },
        });
        expect(byMember.status).toBe(403);

        const first = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        for (const socket of voters) await pushOk(socket, randomUUID(), [cast(1, first.id, 'for')]);
        const noQuorum = await voteClose(staff, first.id);
        // 5 eligible (the substitute does not vote); 3 voted, no roll call: 3/5 < 2/3.
        expect(noQuorum).toMatchObject({
          ok: true,
          value: { vote: { result: { outcome: 'no_quorum', eligible: 5, present: 3 } } },
        });

        const present = [...m.people.slice(0, 4), m.people[5]!].map((p) => p.user.id);
        const roll = await setAttendance(h, m.staff, m.meetingId, present);
        expect(roll.status).toBe(200);
        expect((roll.json as { present: string[] }).present).toHaveLength(5);
        const second = await openVoteOk(staff, m.meetingId, m.itemIds[0]!);
        for (const [i, socket] of voters.entries())
          await pushOk(socket, randomUUID(), [cast(1, second.id, i === 2 ? 'abstain' : 'for')]);
        const closed = await voteClose(staff, second.id);
        // 4 of 5 eligible present (the substitute is not eligible); 2 for of 5: not more than half.
        expect(closed).toMatchObject({
          ok: true,
          value: {
            vote: {
              result: { outcome: 'failed', present: 4, for: 2, abstain: 1, notVoted: 2 },
            },
          },
        });
      } finally {
        staff.close();
        for (const s of voters) s.close();
      }
    });
  });
}
