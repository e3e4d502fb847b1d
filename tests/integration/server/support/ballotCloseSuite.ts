import { describe, expect, it } from 'vitest';
import type { OpinionBallot } from '../../../../shared/domain/opinionBallot.ts';
import {
  BALLOT_ROUTES,
  opinionBallotResponseSchema,
  sendRemindersResponseSchema,
} from '../../../../shared/protocol/ballots.ts';
import type { Change } from '../../../../shared/protocol/changes.ts';
import { auditLog } from '../../../../server/src/db/schema.ts';
import { eq } from '../../../../server/src/db/operators.ts';
import { opinionBallots, opinions } from '../../../../server/src/db/opinionSchema.ts';
import { errorOf, http, pullAll } from './harness.ts';
import {
  ballotStatus,
  bindCert,
  createBallot,
  openDevice,
  signAnswer,
  submit,
  type Device,
} from './opinionFixture.ts';
import { useOpinionServer, type SuiteDatabase } from './opinionServer.ts';

const HOUR = 3_600_000;

/**
 * Closing a written-opinion ballot (result stored once, later opinions refused BALLOT_CLOSED)
 * and reminders to members who have not answered (targeted: only the member reminded receives
 * one), on the real server, one per database. Members are FORBIDDEN on both routes.
 */
export function defineBallotCloseSuite(name: string, database: SuiteDatabase): void {
  describe(name, () => {
    const o = useOpinionServer(database, {}, async ({ h, admin, meeting, pki }) => {
      for (const i of [0, 1, 2])
        expect(
          await bindCert(h, admin, meeting.people[i]!.user.id, pki.pki.members[i]!.certDer),
        ).toBe(201);
    });

    const now = (): Date => o.h.server.context.clock();
    const newBallot = (): Promise<OpinionBallot> =>
      createBallot(o.h, o.staff, {
        documentIds: [o.docId],
        memberIds: o.devices.map((d) => d.session.user.id),
        deadline: new Date(now().getTime() + 2 * HOUR),
      });
    const remind = (token: string, ballotId: string, json: unknown = {}) =>
      http(o.h, 'POST', BALLOT_ROUTES.ballotReminders(ballotId), { token, json });
    const close = (token: string, ballotId: string) =>
      http(o.h, 'POST', BALLOT_ROUTES.ballotClose(ballotId), { token, json: {} });
    const remindersSeen = async (socket: Device['socket'], since = 0) =>
      (await pullAll(socket, since)).changes.flatMap((c: Change) =>
        c.op === 'upsert' && c.entity === 'reminder' ? [c.data] : [],
      );
    const answer = async (i: number, ballot: OpinionBallot) =>
      submit(
        o.devices[i]!,
        signAnswer(o.devices[i]!, o.pki.credentials[i]!, ballot, { choice: 'agree', now: now() })
          .args,
      );

    it('members are FORBIDDEN on the close and reminder routes', async () => {
      const ballot = await newBallot();
      const member = o.devices[0]!.session.token;
      const r1 = await remind(member, ballot.id);
      expect(r1.status).toBe(403);
      expect(errorOf(r1).code).toBe('FORBIDDEN');
      const r2 = await close(member, ballot.id);
      expect(r2.status).toBe(403);
      expect((await ballotStatus(o.h, o.staff, ballot.id)).ballot.status).toBe('open');
    });

    it('a reminder reaches only the member reminded, with the question and deadline; audited', async () => {
      const ballot = await newBallot();
      const [one, two] = [o.devices[0]!, o.devices[1]!];
      const cursors = {
        one: (await pullAll(one.socket)).cursor,
        two: (await pullAll(two.socket)).cursor,
      };
      const staffDevice = await openDevice(o.h, o.staff);
      const staffCursor = (await pullAll(staffDevice.socket)).cursor;

      const res = await remind(o.staff.token, ballot.id, { memberIds: [one.session.user.id] });
      expect(res.status).toBe(201);
      const { reminders } = sendRemindersResponseSchema.parse(res.json);
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        kind: 'opinionBallot',
        memberId: one.session.user.id,
        ballotId: ballot.id,
        question: ballot.question,
        deadline: ballot.deadline,
      });

      expect(await remindersSeen(one.socket, cursors.one)).toEqual(reminders);
      expect(await remindersSeen(two.socket, cursors.two)).toEqual([]);
      expect(await remindersSeen(staffDevice.socket, staffCursor)).toEqual([]);
      staffDevice.socket.disconnect();

      const audit = await o.h.server.context.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'reminder.send'));
      const row = audit.find((a) => a.subject === ballot.id);
      expect(row?.actorUserId).toBe(o.staff.user.id);
      expect(JSON.parse(row?.details ?? '{}')).toEqual({ members: [one.session.user.id] });
    });

    it('reminding all skips members who answered; a member not asked is INVALID_INPUT', async () => {
      const ballot = await newBallot();
      expect(await answer(0, ballot)).toMatchObject({ status: 'applied' });
      const res = await remind(o.staff.token, ballot.id);
      expect(res.status).toBe(201);
      const reminded = sendRemindersResponseSchema.parse(res.json).reminders.map((r) => r.memberId);
      expect(reminded.sort()).toEqual(
        [o.devices[1]!.session.user.id, o.devices[2]!.session.user.id].sort(),
      );
      // Naming the member who answered reminds nobody.
      const named = await remind(o.staff.token, ballot.id, {
        memberIds: [o.devices[0]!.session.user.id],
      });
      expect(sendRemindersResponseSchema.parse(named.json).reminders).toEqual([]);
      const outsider = await remind(o.staff.token, ballot.id, { memberIds: [o.staff.user.id] });
      expect(outsider.status).toBe(400);
      expect((await remind(o.staff.token, crypto.randomUUID())).status).toBe(404);
    });

    it('closing stores the result once; later opinions are refused BALLOT_CLOSED and kept', async () => {
      const ballot = await newBallot();
      expect(await answer(0, ballot)).toMatchObject({ status: 'applied' });
      expect(await answer(1, ballot)).toMatchObject({ status: 'applied' });
      const cursor = (await pullAll(o.devices[2]!.socket)).cursor;

      const res = await close(o.staff.token, ballot.id);
      expect(res.status).toBe(200);
      const closed = opinionBallotResponseSchema.parse(res.json).ballot;
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).toBeTruthy();
      expect(closed.result).toMatchObject({
        agree: 2,
        notAnswered: 1,
        eligible: 3,
        outcome: 'passed',
      });

      // Every member asked gets the closed ballot by sync.
      const down = (await pullAll(o.devices[2]!.socket, cursor)).changes.flatMap((c) =>
        c.op === 'upsert' && c.entity === 'opinionBallot' && c.data.id === ballot.id
          ? [c.data]
          : [],
      );
      expect(down.at(-1)).toMatchObject({ status: 'closed', result: closed.result });

      // A late opinion: refused with its code, kept as evidence, sent to its author; not counted.
      const late = signAnswer(o.devices[2]!, o.pki.credentials[2]!, ballot, {
        choice: 'disagree',
        now: now(),
      });
      const ack = await submit(o.devices[2]!, late.args);
      expect(ack).toMatchObject({ status: 'rejected', code: 'OPINION_REJECTED' });
      expect(ack.status === 'rejected' && ack.message.startsWith('BALLOT_CLOSED:')).toBe(true);
      const [row] = await o.h.server.context.db
        .select()
        .from(opinions)
        .where(eq(opinions.id, late.args.opinionId));
      expect(row).toMatchObject({ status: 'rejected', code: 'BALLOT_CLOSED' });
      const mine = (await pullAll(o.devices[2]!.socket, cursor)).changes.flatMap((c) =>
        c.op === 'upsert' && c.entity === 'opinion' && c.data.id === late.args.opinionId
          ? [c.data]
          : [],
      );
      expect(mine[0]).toMatchObject({ status: 'rejected', code: 'BALLOT_CLOSED' });

      // The stored result is the result: the follow-up shows it, a second close changes nothing.
      const status = await ballotStatus(o.h, o.staff, ballot.id);
      expect(status.result).toEqual(closed.result);
      const again = await close(o.staff.token, ballot.id);
      expect(again.status).toBe(200);
      expect(opinionBallotResponseSchema.parse(again.json).ballot).toEqual(closed);
      const audits = await o.h.server.context.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'opinionBallot.close'));
      expect(audits.filter((a) => a.subject === ballot.id)).toHaveLength(1);

      // Closed: no reminders, and the database refuses any change to the stored record.
      expect((await remind(o.staff.token, ballot.id)).status).toBe(409);
      await expect(
        o.h.server.context.db
          .update(opinionBallots)
          .set({ result: { ...closed.result, agree: 3 } })
          .where(eq(opinionBallots.id, ballot.id)),
      ).rejects.toThrow();
      await expect(
        o.h.server.context.db
          .update(opinionBallots)
          .set({ question: 'changed after the close', closedBy: null })
          .where(eq(opinionBallots.id, ballot.id)),
      ).rejects.toThrow();
      // ...except the links ON DELETE SET NULL clears (a deleted meeting or user).
      await o.h.server.context.db
        .update(opinionBallots)
        .set({ closedBy: null, createdBy: null, meetingId: null })
        .where(eq(opinionBallots.id, ballot.id));
      const [unlinked] = await o.h.server.context.db
        .select()
        .from(opinionBallots)
        .where(eq(opinionBallots.id, ballot.id));
      expect(unlinked).toMatchObject({ status: 'closed', closedBy: null, meetingId: null });
      expect(unlinked?.result).toEqual(closed.result);
    });
  });
}
