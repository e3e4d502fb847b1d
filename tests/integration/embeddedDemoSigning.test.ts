import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPkcs12 } from '../../electron/core/signing/importPkcs12.ts';
import { DEMO_BALLOT_ID } from '../../server/seed/seedDemoSigning.ts';
import { loginResponseSchema } from '../../shared/protocol/auth.ts';
import { BALLOT_ROUTES, ballotStatusResponseSchema } from '../../shared/protocol/ballots.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import {
  DEMO_LOGINS,
  DEMO_P12_PASSWORD,
  DEMO_PASSWORD,
  startEmbeddedServer,
  type EmbeddedServer,
} from '../../scripts/lib/embeddedServer.mjs';
import { connectSession, http, type Session } from './server/support/harness.ts';
import { signAnswer, submit, type Device } from './server/support/opinionFixture.ts';

// `npm start`'s demo signing setup (scripts/lib/embeddedServer.mjs + server/seed/seedDemoSigning.ts):
// the dev PKI is made once under the data directory, the server trusts it, each demo member's
// certificate is bound, and a demo ballot is open: a member can sign with their .p12 at once.
// This start seeds the demo (renders the papers), so it takes longer than embeddedServer.test.ts.

const memberLogin = DEMO_LOGINS.find((l) => l.role === 'member')!;
const staffLogin = DEMO_LOGINS.find((l) => l.role === 'secretariat')!;

describe('embedded demo: signing works out of the box', { timeout: 240_000 }, () => {
  let dir: string;
  let server: EmbeddedServer | null = null;
  const lines: string[] = [];

  const start = async (): Promise<EmbeddedServer> => {
    server = await startEmbeddedServer({
      dataDir: join(dir, 'server'),
      port: 0,
      startTimeoutMs: 200_000,
      log: (line) => lines.push(line),
    });
    return server;
  };

  async function login(url: string, username: string): Promise<Session> {
    const deviceId = crypto.randomUUID();
    const res = await http({ url }, 'POST', '/api/auth/login', {
      json: {
        username,
        password: DEMO_PASSWORD,
        deviceId,
        deviceName: 'test',
        protocolVersion: PROTOCOL_VERSION,
      },
    });
    const body = loginResponseSchema.parse(res.json);
    return { token: body.token, deviceId, user: body.user };
  }

  async function demoBallot(url: string, staff: Session) {
    const res = await http({ url }, 'GET', BALLOT_ROUTES.ballotStatus(DEMO_BALLOT_ID), {
      token: staff.token,
    });
    expect(res.status).toBe(200);
    return ballotStatusResponseSchema.parse(res.json);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecabinet-embedded-demo-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the PKI under the data directory, binds the members and opens the demo ballot', async () => {
    const running = await start();
    const pki = running.pki;
    expect(pki).not.toBeNull();
    expect(pki!.created).toBe(true);
    expect(pki!.dir).toBe(join(dir, 'server', 'pki'));
    expect(pki!.password).toBe(DEMO_P12_PASSWORD);
    expect(existsSync(join(pki!.dir, 'trust', 'ca.pem'))).toBe(true);
    const mine = pki!.members.find((m) => m.username === memberLogin.username);
    expect(mine?.p12.startsWith(pki!.membersDir)).toBe(true);
    const named = pki!.members.filter((m) => m.username !== null).length;
    expect(named).toBe(27); // 23 members, 2 deputy ministers and 2 secretariat clerks
    expect(pki!.members.some((m) => m.username === staffLogin.username)).toBe(true);
    const bindable = 25; // the clerks' certificates sign evidence reports, never opinions
    expect(lines).toContain(
      `Demo signing: ${bindable} certificates bound to the members' accounts, one demo ballot opened.`,
    );

    // The demo ballot is open for every member, on one draft of the upcoming meeting.
    const staff = await login(running.url, staffLogin.username);
    const status = await demoBallot(running.url, staff);
    expect(status.ballot.status).toBe('open');
    expect(status.ballot.eligibleMemberIds).toHaveLength(23);
    expect(Date.parse(status.ballot.deadline)).toBeGreaterThan(Date.now());

    // The member signs with their .p12 and the server verifies it (trusted CA, bound cert).
    const opened = importPkcs12(new Uint8Array(readFileSync(mine!.p12)), pki!.password);
    if (!opened.ok) throw new Error(`demo PKCS#12: ${opened.error.code}`);
    const session = await login(running.url, memberLogin.username);
    const device: Device = {
      session,
      socket: await connectSession(running.url, session),
      clientId: crypto.randomUUID(),
      nextId: 1,
    };
    try {
      const signed = signAnswer(device, opened.value, status.ballot, {
        choice: 'agree',
        now: new Date(),
      });
      expect(await submit(device, signed.args)).toMatchObject({ status: 'applied' });
    } finally {
      device.socket.disconnect();
    }
    const after = await demoBallot(running.url, staff);
    expect(after.members.find((m) => m.memberId === session.user.id)?.state).toBe('verified');
  });

  it('reuses the PKI on the next start and binds nothing twice', async () => {
    await server?.stop();
    const manifest = join(dir, 'server', 'pki', 'manifest.json');
    const made = statSync(manifest).mtimeMs;
    lines.length = 0;
    const running = await start();
    expect(running.pki?.created).toBe(false);
    expect(statSync(manifest).mtimeMs).toBe(made);
    expect(lines.some((l) => l.startsWith('Creating the development certificates'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Demo signing:'))).toBe(false);
    const staff = await login(running.url, staffLogin.username);
    const status = await demoBallot(running.url, staff);
    expect(status.result.agree).toBe(1);
  });

  it('without the demo there is no PKI and no TRUST_DIR', async () => {
    await server?.stop();
    server = await startEmbeddedServer({
      dataDir: join(dir, 'plain'),
      port: 0,
      seedDemo: false,
      startTimeoutMs: 60_000,
      log: () => {},
    });
    expect(server.pki).toBeNull();
    expect(existsSync(join(dir, 'plain', 'pki'))).toBe(false);
  });
});
