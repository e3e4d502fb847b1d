import { describe, expect, it } from 'vitest';
import { eventually } from '../../support/coreHarness.ts';
import { createMeetingWithPaper } from '../server/support/meetings.ts';
import { bindCert, createBallot, PKI_PASSWORD } from '../server/support/opinionFixture.ts';
import { useOpinionCores } from './support/useOpinionCores.ts';

/**
 * Reminders and closing through the client core against the real server: the secretariat's
 * device reminds (one click, online only), the member's device shows the reminder (only the
 * member reminded), dismissal stays local and survives a restart; closing reaches the members'
 * devices, and an opinion signed after it comes back refused BALLOT_CLOSED.
 */
describe('ballot close and reminders: client core ↔ real server', () => {
  const o = useOpinionCores();
  const { signedIn } = o;

  async function setup() {
    const [a, b] = [await o.server.createAccount('member'), await o.server.createAccount('member')];
    expect(await bindCert(o.server, o.admin, a.user.id, o.pki.pki.members[0]!.certDer)).toBe(201);
    const paper = await createMeetingWithPaper(o.server, o.staff, {
      participants: [{ userId: a.user.id }, { userId: b.user.id }],
      publish: true,
    });
    const ballot = await createBallot(o.server, o.staff, {
      documentIds: [paper.documentId],
      memberIds: [a.user.id, b.user.id],
      deadline: new Date(Date.now() + 3_600_000),
      meetingId: paper.meetingId,
    });
    const proxy = await o.proxy();
    const secretariat = await signedIn(o.staffAccount, `http://127.0.0.1:${proxy.port}`);
    // Member a's device reaches the server through its own proxy, to be taken offline.
    const oneProxy = await o.proxy();
    const one = await signedIn(a, `http://127.0.0.1:${oneProxy.port}`);
    const two = await signedIn(b);
    return { a, b, ballot, proxy, oneProxy, secretariat, one, two };
  }

  it('reminds one member; only their device shows it; dismissal is local and survives a restart', async () => {
    const { a, ballot, proxy, secretariat, one, two } = await setup();
    expect(await one.failCode('ballots:remind', { ballotId: ballot.id })).toBe('FORBIDDEN');
    expect(
      await secretariat.call('ballots:remind', { ballotId: ballot.id, memberIds: [a.user.id] }),
    ).toEqual({
      memberIds: [a.user.id],
    });
    await eventually(async () => (await one.call('reminders:list', {})).reminders.length === 1);
    const [notice] = (await one.call('reminders:list', {})).reminders;
    expect(notice).toMatchObject({
      ballotId: ballot.id,
      question: ballot.question,
      deadline: ballot.deadline,
    });
    // The other member and the secretariat receive nothing (checked after a full sync).
    await two.call('sync:now', {});
    await two.waitFor('connection:state', (s) => s.state === 'online' && s.lastSyncedAt !== null);
    expect((await two.call('reminders:list', {})).reminders).toEqual([]);
    expect((await secretariat.call('reminders:list', {})).reminders).toEqual([]);

    expect(await one.call('reminders:dismiss', { id: notice!.id })).toEqual({ reminders: [] });
    expect(await one.failCode('reminders:dismiss', { id: crypto.randomUUID() })).toBe('NOT_FOUND');
    await one.restart();
    expect((await one.call('reminders:list', {})).reminders).toEqual([]);

    // Online only: with the server out of reach the secretariat is told so at once.
    const offline = secretariat.waitFor('connection:state', (s) => s.state === 'offline');
    proxy.setDown(true);
    await offline;
    expect(await secretariat.failCode('ballots:remind', { ballotId: ballot.id })).toBe(
      'SERVER_UNREACHABLE',
    );
    expect(await secretariat.failCode('ballots:close', { ballotId: ballot.id })).toBe(
      'SERVER_UNREACHABLE',
    );
  });

  it('closing reaches the members; an opinion signed after it is refused BALLOT_CLOSED', async () => {
    const { ballot, oneProxy, secretariat, one } = await setup();
    await one.call('certificates:import', {
      pkcs12Base64: Buffer.from(o.pki.pki.members[0]!.p12).toString('base64'),
      password: PKI_PASSWORD,
    });
    expect(await one.failCode('ballots:close', { ballotId: ballot.id })).toBe('FORBIDDEN');
    // The member's device is offline when the ballot closes: it signs on what it knows (open).
    const offline = one.waitFor('connection:state', (s) => s.state === 'offline');
    oneProxy.setDown(true);
    await offline;
    const closed = await secretariat.call('ballots:close', { ballotId: ballot.id });
    expect(closed.ballot).toMatchObject({ status: 'closed', result: { notAnswered: 2 } });
    const answer = {
      ballotId: ballot.id,
      choice: 'agree' as const,
      text: '',
      exceptions: [],
      password: PKI_PASSWORD,
    };
    const late = await one.call('opinions:sign', answer);
    expect(late.status).toBe('pending');
    oneProxy.setDown(false);
    await eventually(async () => {
      const list = (await one.call('opinions:list', { ballotId: ballot.id })).opinions;
      return list.find((o) => o.id === late.id)?.status === 'rejected';
    }, 15_000);
    const mine = (await one.call('opinions:list', { ballotId: ballot.id })).opinions;
    expect(mine.find((o) => o.id === late.id)?.code).toBe('BALLOT_CLOSED');
    await eventually(
      async () =>
        (await one.call('ballots:get', { ballotId: ballot.id })).ballot.status === 'closed',
    );
    // Once the device knows the ballot is closed it does not sign at all.
    expect(await one.failCode('opinions:sign', answer)).toBe('BALLOT_CLOSED');
    expect((await one.call('opinions:list', { ballotId: ballot.id })).opinions).toHaveLength(1);
    await eventually(
      async () =>
        (await secretariat.call('ballots:followUp', { ballotId: ballot.id })).ballot.status ===
        'closed',
    );
    const table = await secretariat.call('ballots:followUp', { ballotId: ballot.id });
    expect(table.result).toEqual(closed.ballot.result);
    // The late opinion is on record as refused, and does not count.
    expect(table.result.agree).toBe(0);
  });

  it('a reminder leaves the notices once the member answered (verified) or the ballot closed', async () => {
    const { a, b, ballot, oneProxy, secretariat, one, two } = await setup();
    await one.call('certificates:import', {
      pkcs12Base64: Buffer.from(o.pki.pki.members[0]!.p12).toString('base64'),
      password: PKI_PASSWORD,
    });
    expect(await secretariat.call('ballots:remind', { ballotId: ballot.id })).toEqual({
      memberIds: [a.user.id, b.user.id].sort(),
    });
    await eventually(async () => (await one.call('reminders:list', {})).reminders.length === 1);
    await eventually(async () => (await two.call('reminders:list', {})).reminders.length === 1);

    // Member a answers offline: still shown while pending, gone once the verified record is here.
    const offline = one.waitFor('connection:state', (s) => s.state === 'offline');
    oneProxy.setDown(true);
    await offline;
    const signed = await one.call('opinions:sign', {
      ballotId: ballot.id,
      choice: 'agree',
      text: '',
      exceptions: [],
      password: PKI_PASSWORD,
    });
    expect(signed.status).toBe('pending');
    expect((await one.call('reminders:list', {})).reminders).toHaveLength(1);
    oneProxy.setDown(false);
    await eventually(async () => {
      const list = (await one.call('opinions:list', { ballotId: ballot.id })).opinions;
      return list.find((o) => o.id === signed.id)?.status === 'verified';
    }, 15_000);
    expect((await one.call('reminders:list', {})).reminders).toEqual([]);

    // Member b never answered: their reminder goes once the close reaches their device.
    expect((await two.call('reminders:list', {})).reminders).toHaveLength(1);
    await secretariat.call('ballots:close', { ballotId: ballot.id });
    await eventually(
      async () =>
        (await two.call('ballots:get', { ballotId: ballot.id })).ballot.status === 'closed',
    );
    expect((await two.call('reminders:list', {})).reminders).toEqual([]);
  });
});
