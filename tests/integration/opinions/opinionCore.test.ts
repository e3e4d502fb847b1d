import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import { eventually, type CoreHarness } from '../../support/coreHarness.ts';
import { createMeetingWithPaper, uploadPdf } from '../server/support/meetings.ts';
import { bindCert, createBallot, PKI_PASSWORD } from '../server/support/opinionFixture.ts';
import { useOpinionCores } from './support/useOpinionCores.ts';
import { makePdf } from '../server/support/pdfs.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Written opinions through the client core against the real server (PGlite, trust from a dev
 * PKI written in a temp dir): import the PKCS#12, sign offline, restart, come back online,
 * verified with the server's receive time; a draft replaced meanwhile → refused with its code.
 */
describe('written opinions: client core ↔ real server', () => {
  const o = useOpinionCores();
  const { signedIn } = o;

  async function setup() {
    const proxy = await o.proxy();
    const account = await o.server.createAccount('member');
    expect(await bindCert(o.server, o.admin, account.user.id, o.pki.pki.members[0]!.certDer)).toBe(
      201,
    );
    const paper = await createMeetingWithPaper(o.server, o.staff, {
      participants: [{ userId: account.user.id }],
      publish: true,
    });
    const ballot = await createBallot(o.server, o.staff, {
      documentIds: [paper.documentId],
      memberIds: [account.user.id],
      deadline: new Date(Date.now() + 3_600_000),
      meetingId: paper.meetingId,
    });
    const h = await signedIn(account, `http://127.0.0.1:${proxy.port}`);
    await eventually(async () => (await h.call('ballots:list', {})).ballots.length === 1);
    return { proxy, account, paper, ballot, h };
  }

  const p12 = (): string => Buffer.from(o.pki.pki.members[0]!.p12).toString('base64');
  const mine = async (h: CoreHarness, ballotId: string) =>
    (await h.call('opinions:list', { ballotId })).opinions;

  it('imports the certificate: wrong password or a changed file keeps nothing', async () => {
    const { h } = await setup();
    expect(await h.failCode('certificates:import', { pkcs12Base64: p12(), password: 'sai' })).toBe(
      'PKCS12_WRONG_PASSWORD',
    );
    const bytes = Buffer.from(o.pki.pki.members[0]!.p12);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0xff;
    expect(
      await h.failCode('certificates:import', {
        pkcs12Base64: bytes.toString('base64'),
        password: PKI_PASSWORD,
      }),
    ).toMatch(/^PKCS12_(TAMPERED|INVALID)$/);
    expect(
      await h.failCode('certificates:import', { pkcs12Base64: 'bm90IGEgcDEy', password: 'x' }),
    ).toBe('PKCS12_INVALID');
    expect(await h.call('certificates:get', {})).toEqual({ certificate: null });
    const info = await h.call('certificates:import', {
      pkcs12Base64: p12(),
      password: PKI_PASSWORD,
    });
    expect(info.serial).toBe(o.pki.pki.members[0]!.serialHex);
    expect(info.sha256).toBe(o.pki.pki.members[0]!.sha256);
    expect((await h.call('certificates:get', {})).certificate).toEqual(info);
    // Sealed at rest: no file of the data directory holds the PKCS#12 bytes in clear.
    const probe = Buffer.from(o.pki.pki.members[0]!.p12).subarray(200, 264);
    for (const file of filesUnder(h.dir)) expect(readFileSync(file).includes(probe)).toBe(false);
    await h.restart();
    expect((await h.call('certificates:get', {})).certificate?.serial).toBe(info.serial);
  });

  it('signs offline, survives a restart, is verified when the server is back; the secretariat sees it', async () => {
    const { proxy, account, ballot, h } = await setup();
    await h.call('certificates:import', { pkcs12Base64: p12(), password: PKI_PASSWORD });
    const detail = await h.call('ballots:get', { ballotId: ballot.id });
    expect(detail.documents[0]?.title).not.toBeNull();

    const offline = h.waitFor('connection:state', (s) => s.state === 'offline');
    proxy.setDown(true);
    await offline;
    expect(
      await h.failCode('opinions:sign', {
        ballotId: ballot.id,
        choice: 'agree',
        text: '',
        exceptions: [],
        password: 'sai',
      }),
    ).toBe('PKCS12_WRONG_PASSWORD');
    const pending = await h.call('opinions:sign', {
      ballotId: ballot.id,
      choice: 'other',
      text: 'Đề nghị làm rõ phạm vi điều chỉnh',
      exceptions: [{ article: 'Điều 5', note: 'Bỏ khoản 2' }],
      password: PKI_PASSWORD,
    });
    expect(pending).toMatchObject({ status: 'pending', receivedAt: null, choice: 'other' });
    await h.restart();
    expect(await mine(h, ballot.id)).toMatchObject([{ id: pending.id, status: 'pending' }]);

    proxy.setDown(false);
    let verified: ChannelOutput<'opinions:list'>['opinions'] = [];
    await eventually(async () => {
      verified = await mine(h, ballot.id);
      return verified[0]?.status === 'verified';
    }, 15_000);
    expect(verified[0]).toMatchObject({ id: pending.id, status: 'verified', code: null });
    expect(verified[0]?.receivedAt).not.toBeNull();
    expect((await h.call('ballots:get', { ballotId: ballot.id })).myOpinion?.status).toBe(
      'verified',
    );

    const s = await signedIn(o.staffAccount, o.server.url);
    await eventually(async () => {
      const table = await s.call('ballots:followUp', { ballotId: ballot.id });
      return table.members.some((m) => m.memberId === account.user.id && m.state === 'verified');
    });
    const table = await s.call('ballots:followUp', { ballotId: ballot.id });
    expect(table.result).toMatchObject({ other: 1, notAnswered: 0, eligible: 1 });
    expect(await h.failCode('ballots:followUp', { ballotId: ballot.id })).toBe('FORBIDDEN');
  });

  it('an opinion on a draft replaced while offline comes back refused STALE_DOCUMENTS; signing again counts', async () => {
    const { proxy, paper, ballot, h } = await setup();
    await h.call('certificates:import', { pkcs12Base64: p12(), password: PKI_PASSWORD });
    const offline = h.waitFor('connection:state', (s) => s.state === 'offline');
    proxy.setDown(true);
    await offline;
    const stale = await h.call('opinions:sign', {
      ballotId: ballot.id,
      choice: 'agree',
      text: '',
      exceptions: [],
      password: PKI_PASSWORD,
    });
    const upload = await uploadPdf(
      o.server,
      o.staff.token,
      paper.documentId,
      await makePdf(2),
      'v2.pdf',
    );
    expect(upload.status).toBe(201);
    proxy.setDown(false);
    await eventually(async () => {
      const list = await mine(h, ballot.id);
      return list.find((o) => o.id === stale.id)?.status === 'rejected';
    }, 15_000);
    expect((await mine(h, ballot.id)).find((o) => o.id === stale.id)?.code).toBe('STALE_DOCUMENTS');
    // The refreshed ballot asks for version 2: signing again is verified.
    await eventually(
      async () =>
        (await h.call('ballots:get', { ballotId: ballot.id })).ballot.documents[0]?.version === 2,
    );
    const again = await h.call('opinions:sign', {
      ballotId: ballot.id,
      choice: 'agree',
      text: '',
      exceptions: [],
      password: PKI_PASSWORD,
    });
    await eventually(
      async () => (await mine(h, ballot.id)).find((o) => o.id === again.id)?.status === 'verified',
      15_000,
    );
  });
});
