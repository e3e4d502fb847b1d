import { describe, expect, it } from 'vitest';
import { changeSchema, type Change } from '../../../../shared/protocol/changes.ts';
import type { OpinionBallot } from '../../../../shared/domain/opinionBallot.ts';
import { and, eq } from '../../../../server/src/db/operators.ts';
import { opinions } from '../../../../server/src/db/opinionSchema.ts';
import { pullAll } from './harness.ts';
import {
  addVersion,
  ballotStatus,
  bindCert,
  createBallot,
  insertDocument,
  openDevice,
  signAnswer,
  submit,
  type Device,
} from './opinionFixture.ts';
import { useOpinionServer, type SuiteDatabase } from './opinionServer.ts';
import { mutation, pushOk } from './writeFixture.ts';

const GRACE_SECONDS = 600;
const HOUR = 3_600_000;

/**
 * Written opinions end to end on one server per database: certificates bound by an admin, a
 * ballot created by the secretariat, opinions signed with the dev PKI and pushed as
 * `opinion.submit`, verified on the server's receive time. Tests that move the clock come last.
 */
export function defineOpinionSuite(name: string, database: SuiteDatabase): void {
  describe(name, () => {
    const o = useOpinionServer(
      database,
      { opinionGraceSeconds: GRACE_SECONDS },
      async ({ h, admin, staff, meeting, pki }) => {
        // Members one and two have their certificates bound; member three's is not.
        expect(
          await bindCert(h, admin, meeting.people[0]!.user.id, pki.pki.members[0]!.certDer),
        ).toBe(201);
        expect(
          await bindCert(h, admin, meeting.people[1]!.user.id, pki.pki.members[1]!.certDer),
        ).toBe(201);
        expect(
          await bindCert(h, staff, meeting.people[2]!.user.id, pki.pki.members[2]!.certDer),
        ).toBe(403);
      },
    );
    const meetingId = (): string => o.meeting.meetingId;

    const now = (): Date => o.h.server.context.clock();
    const newBallot = (deadlineInMs = 2 * HOUR): Promise<OpinionBallot> =>
      createBallot(o.h, o.staff, {
        documentIds: [o.docId],
        memberIds: o.devices.map((d) => d.session.user.id),
        deadline: new Date(now().getTime() + deadlineInMs),
        meetingId: meetingId(),
      });
    const rowsOf = (ballotId: string) =>
      o.h.server.context.db.select().from(opinions).where(eq(opinions.ballotId, ballotId));

    it('verifies a valid opinion, counts it and sends it down to its author and the secretariat', async () => {
      const ballot = await newBallot();
      const [one, two] = [o.devices[0]!, o.devices[1]!];
      const a = signAnswer(one, o.pki.credentials[0]!, ballot, { choice: 'agree', now: now() });
      expect(await submit(one, a.args)).toMatchObject({ status: 'applied' });
      const b = signAnswer(two, o.pki.credentials[1]!, ballot, {
        choice: 'other',
        text: 'Cần làm rõ',
        now: now(),
      });
      expect(await submit(two, b.args)).toMatchObject({ status: 'applied' });

      const status = await ballotStatus(o.h, o.staff, ballot.id);
      expect(status.result).toMatchObject({
        agree: 1,
        other: 1,
        disagree: 0,
        notAnswered: 1,
        eligible: 3,
      });
      expect(status.result.outcome).toBe('failed'); // 1 of 3 is not more than half of all
      const mine = status.members.find((m) => m.memberId === one.session.user.id);
      expect(mine).toMatchObject({ state: 'verified', choice: 'agree' });
      expect(mine?.opinion?.receivedAt).toBeTruthy();
      expect(status.members.find((m) => m.memberId === o.devices[2]!.session.user.id)?.state).toBe(
        'not_answered',
      );

      const seen = async (device: Device): Promise<Change[]> =>
        (await pullAll(device.socket)).changes.map((c) => changeSchema.parse(c));
      const oneSees = await seen(one);
      expect(
        oneSees.some(
          (c) => c.op === 'upsert' && c.entity === 'opinionBallot' && c.data.id === ballot.id,
        ),
      ).toBe(true);
      const oneOpinions = oneSees.filter((c) => c.op === 'upsert' && c.entity === 'opinion');
      expect(oneOpinions.map((c) => (c.op === 'upsert' ? c.data.id : ''))).toContain(
        a.args.opinionId,
      );
      expect(oneOpinions.map((c) => (c.op === 'upsert' ? c.data.id : ''))).not.toContain(
        b.args.opinionId,
      );
      const staffSocket = await openDevice(o.h, o.staff);
      const staffSees = await seen(staffSocket);
      staffSocket.socket.disconnect();
      const staffIds = staffSees.flatMap((c) =>
        c.op === 'upsert' && c.entity === 'opinion' ? [c.data.id] : [],
      );
      expect(staffIds).toEqual(expect.arrayContaining([a.args.opinionId, b.args.opinionId]));
    });

    it('two verified answers of three pass the ballot (majority of all)', async () => {
      const ballot = await newBallot();
      for (const i of [0, 1]) {
        const d = o.devices[i]!;
        const s = signAnswer(d, o.pki.credentials[i]!, ballot, { choice: 'agree', now: now() });
        expect(await submit(d, s.args)).toMatchObject({ status: 'applied' });
      }
      expect((await ballotStatus(o.h, o.staff, ballot.id)).result).toMatchObject({
        agree: 2,
        outcome: 'passed',
      });
    });

    it('refuses an opinion on a replaced draft with STALE_DOCUMENTS and keeps it as rejected', async () => {
      const ownDoc = await insertDocument(o.h, meetingId());
      const ballot = await createBallot(o.h, o.staff, {
        documentIds: [ownDoc],
        memberIds: [o.devices[0]!.session.user.id],
        deadline: new Date(now().getTime() + HOUR),
      });
      const signed = signAnswer(o.devices[0]!, o.pki.credentials[0]!, ballot, { now: now() });
      await addVersion(o.h, ownDoc, meetingId());
      const ack = await submit(o.devices[0]!, signed.args);
      expect(ack).toMatchObject({ status: 'rejected', code: 'OPINION_REJECTED' });
      expect(ack.status === 'rejected' && ack.message.startsWith('STALE_DOCUMENTS:')).toBe(true);
      const rows = await rowsOf(ballot.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'rejected', code: 'STALE_DOCUMENTS' });
      const status = await ballotStatus(o.h, o.staff, ballot.id);
      expect(status.members[0]).toMatchObject({ state: 'rejected' });
      expect(status.result).toMatchObject({ agree: 0, notAnswered: 1, rejected: 1 });
    });

    it('a replayed opinion has one effect (same mutation: duplicate; new envelope: REPLAY)', async () => {
      const ballot = await newBallot();
      const d = o.devices[0]!;
      const signed = signAnswer(d, o.pki.credentials[0]!, ballot, { now: now() });
      const id = d.nextId++;
      expect(await submit(d, signed.args, id)).toMatchObject({ status: 'applied' });
      expect(await submit(d, signed.args, id)).toMatchObject({ status: 'duplicate' });
      const again = await submit(d, signed.args);
      expect(again).toMatchObject({ status: 'rejected', code: 'OPINION_REJECTED' });
      const moved = await submit(d, { ...signed.args, opinionId: crypto.randomUUID() });
      expect(moved.status === 'rejected' && moved.message.startsWith('REPLAY:')).toBe(true);
      const verified = (await rowsOf(ballot.id)).filter((r) => r.status === 'verified');
      expect(verified).toHaveLength(1);
      expect((await ballotStatus(o.h, o.staff, ballot.id)).result.agree).toBe(1);
    });

    it('refuses a certificate not bound to the member with CERT_NOT_BOUND', async () => {
      const ballot = await newBallot();
      const three = o.devices[2]!;
      const own = signAnswer(three, o.pki.credentials[2]!, ballot, { now: now() });
      const ack = await submit(three, own.args);
      expect(ack.status === 'rejected' && ack.message.startsWith('CERT_NOT_BOUND:')).toBe(true);
      // Another member's (bound) certificate does not help either.
      const borrowed = signAnswer(three, o.pki.credentials[0]!, ballot, { now: now() });
      const ack2 = await submit(three, borrowed.args);
      expect(ack2.status === 'rejected' && ack2.message.startsWith('CERT_NOT_BOUND:')).toBe(true);
      expect((await ballotStatus(o.h, o.staff, ballot.id)).result.notAnswered).toBe(3);
    });

    it('refuses a ballot the caller is not asked on as NOT_FOUND (no evidence kept)', async () => {
      const ballot = await createBallot(o.h, o.staff, {
        documentIds: [o.docId],
        memberIds: [o.devices[1]!.session.user.id],
        deadline: new Date(now().getTime() + HOUR),
      });
      const signed = signAnswer(o.devices[0]!, o.pki.credentials[0]!, ballot, { now: now() });
      expect(await submit(o.devices[0]!, signed.args)).toMatchObject({
        status: 'rejected',
        code: 'NOT_FOUND',
      });
      expect(await rowsOf(ballot.id)).toHaveLength(0);
    });

    it('a newer verified opinion supersedes the earlier one; history is kept', async () => {
      const ballot = await newBallot();
      const d = o.devices[1]!;
      const first = signAnswer(d, o.pki.credentials[1]!, ballot, {
        choice: 'disagree',
        now: now(),
      });
      expect(await submit(d, first.args)).toMatchObject({ status: 'applied' });
      const second = signAnswer(d, o.pki.credentials[1]!, ballot, { choice: 'agree', now: now() });
      expect(await submit(d, second.args)).toMatchObject({ status: 'applied' });
      const rows = await o.h.server.context.db
        .select()
        .from(opinions)
        .where(and(eq(opinions.ballotId, ballot.id), eq(opinions.memberId, d.session.user.id)));
      expect(rows).toHaveLength(2);
      const old = rows.find((r) => r.id === first.args.opinionId);
      const cur = rows.find((r) => r.id === second.args.opinionId);
      expect(old?.supersededBy).toBe(second.args.opinionId);
      expect(cur).toMatchObject({ supersedes: first.args.opinionId, supersededBy: null });
      const status = await ballotStatus(o.h, o.staff, ballot.id);
      expect(status.result).toMatchObject({ agree: 1, disagree: 0 });
    });

    it('opinions in one push batch: a refused one kept as evidence between two verified ones; the later supersedes the earlier', async () => {
      const ballot = await newBallot();
      const d = o.devices[0]!;
      const first = signAnswer(d, o.pki.credentials[0]!, ballot, {
        choice: 'disagree',
        now: now(),
      });
      const other = signAnswer(d, o.pki.credentials[0]!, ballot, {
        choice: 'other',
        text: 'Cần làm rõ',
        now: now(),
      });
      // Another payload's signature: the verifier refuses it; the refusal keeps the evidence.
      const forged = { ...other.args, signatureBase64: first.args.signatureBase64 };
      const last = signAnswer(d, o.pki.credentials[0]!, ballot, { choice: 'agree', now: now() });
      const ids = [d.nextId++, d.nextId++, d.nextId++];
      const response = await pushOk(d.socket, d.clientId, [
        mutation(ids[0]!, 'opinion.submit', first.args),
        mutation(ids[1]!, 'opinion.submit', forged),
        mutation(ids[2]!, 'opinion.submit', last.args),
      ]);
      expect(response.acks.map((a) => (a.status === 'rejected' ? a.code : a.status))).toEqual([
        'applied',
        'OPINION_REJECTED',
        'applied',
      ]);
      const rows = await rowsOf(ballot.id);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(rows).toHaveLength(3);
      expect(byId.get(first.args.opinionId)).toMatchObject({
        status: 'verified',
        supersededBy: last.args.opinionId,
      });
      expect(byId.get(other.args.opinionId)?.status).toBe('rejected');
      expect(byId.get(last.args.opinionId)).toMatchObject({
        status: 'verified',
        supersedes: first.args.opinionId,
        supersededBy: null,
      });
      expect((await ballotStatus(o.h, o.staff, ballot.id)).result).toMatchObject({
        agree: 1,
        disagree: 0,
      });
    });

    // ---- From here on the clock moves. ----

    it('grace: signed before the deadline and received within grace counts; signed after it is LATE', async () => {
      const ballot = await newBallot(HOUR);
      const deadline = new Date(ballot.deadline).getTime();
      const inTime = signAnswer(o.devices[0]!, o.pki.credentials[0]!, ballot, {
        now: new Date(deadline - 60_000),
      });
      const afterDeadline = signAnswer(o.devices[1]!, o.pki.credentials[1]!, ballot, {
        now: new Date(deadline + 30_000),
      });
      o.h.advanceClock(deadline - now().getTime() + 60_000); // received one minute after the deadline
      expect(await submit(o.devices[0]!, inTime.args)).toMatchObject({ status: 'applied' });
      const late = await submit(o.devices[1]!, afterDeadline.args);
      expect(late.status === 'rejected' && late.message.startsWith('LATE:')).toBe(true);
      const status = await ballotStatus(o.h, o.staff, ballot.id);
      expect(status.result).toMatchObject({ agree: 1, rejected: 1 });
      expect(status.members.find((m) => m.state === 'verified')?.opinion?.signingTime).toBe(
        new Date(Math.floor((deadline - 60_000) / 1000) * 1000).toISOString(),
      );
    });

    it('refuses an opinion received after deadline + grace with LATE, whatever the device clock said', async () => {
      const ballot = await newBallot(HOUR);
      const deadline = new Date(ballot.deadline).getTime();
      const signed = signAnswer(o.devices[0]!, o.pki.credentials[0]!, ballot, {
        now: new Date(deadline - HOUR / 2),
      });
      o.h.advanceClock(deadline - now().getTime() + GRACE_SECONDS * 1000 + 1_000);
      const ack = await submit(o.devices[0]!, signed.args);
      expect(ack.status === 'rejected' && ack.message.startsWith('LATE:')).toBe(true);
      expect(await rowsOf(ballot.id)).toMatchObject([{ status: 'rejected', code: 'LATE' }]);
      expect((await ballotStatus(o.h, o.staff, ballot.id)).result).toMatchObject({
        agree: 0,
        notAnswered: 3,
      });
    });
  });
}
