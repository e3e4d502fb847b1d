import { randomUUID } from 'node:crypto';
import { createDevPki, type DevPki } from '../../../server/pki/devPki.ts';
import { writeDevPki } from '../../../server/pki/devPkiFiles.ts';
import { buildDemoData, DEMO_PASSWORD } from '../../../server/seed/buildDemoData.ts';
import type { OpinionBallot } from '../../../shared/domain/opinionBallot.ts';
import { loginResponseSchema } from '../../../shared/protocol/auth.ts';
import { BALLOT_ROUTES } from '../../../shared/protocol/ballots.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { TRUST_DIR_ENV } from '../fixtures/demoServer.ts';

/** The password of every PKCS#12 file of the dev PKI the opinion specs make. */
export const KEY_PASSWORD = 'Mật khẩu thử 123';

const data = buildDemoData();

/** A demo account's user record, by username. */
export function demoUser(username: string) {
  const found = data.users.find((u) => u.user.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found.user;
}

/** The demo data's admin. */
export function demoAdmin() {
  const found = data.users.find((u) => u.user.role === 'admin');
  if (!found) throw new Error('the demo data has no admin');
  return found.user;
}

/**
 * A dev PKI with one member certificate per demo account in `usernames` (named after their
 * display names), written to `dir`; the server fixture of each later test trusts it.
 */
export async function trustDemoPki(dir: string, usernames: readonly string[]): Promise<DevPki> {
  const pki = createDevPki({
    members: usernames.map((u) => ({ name: demoUser(u).displayName, userId: demoUser(u).id })),
    password: KEY_PASSWORD,
    caBits: 2048,
    p12Iterations: 1000,
  });
  await writeDevPki(dir, pki);
  process.env[TRUST_DIR_ENV] = dir; // read by the server fixture of each test
  return pki;
}

/** Logs a demo account (DEMO_PASSWORD) in on the server's API, as device `deviceId`. */
export async function apiLogin(url: string, username: string, deviceId = randomUUID()) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: DEMO_PASSWORD,
      deviceId,
      deviceName: 'e2e',
      protocolVersion: PROTOCOL_VERSION,
    }),
  });
  const body = loginResponseSchema.parse(await res.json());
  return { token: body.token, deviceId, user: body.user };
}

/** POSTs `json` to the server's API as `bearer`; any answer but 201 throws. */
export async function postCreated(
  url: string,
  path: string,
  bearer: string,
  json: unknown,
): Promise<unknown> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(json),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The admin binds the member's certificate, then the secretariat opens a ballot on one paper
 * for that member alone, due in an hour. `admin` and `staff` are API tokens.
 */
export async function openMemberBallot(
  url: string,
  tokens: { admin: string; staff: string },
  ballot: { memberId: string; certDer: Uint8Array; documentId: string; question: string },
): Promise<OpinionBallot> {
  await postCreated(url, BALLOT_ROUTES.certificates, tokens.admin, {
    userId: ballot.memberId,
    certificateBase64: Buffer.from(ballot.certDer).toString('base64'),
  });
  const created = (await postCreated(url, BALLOT_ROUTES.ballots, tokens.staff, {
    question: ballot.question,
    documentIds: [ballot.documentId],
    eligibleMemberIds: [ballot.memberId],
    deadline: new Date(Date.now() + 3_600_000).toISOString(),
  })) as { ballot: OpinionBallot };
  return created.ballot;
}
