import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoData, DEMO_PASSWORD } from '../../server/seed/buildDemoData.ts';
import { createDevPki, type DevPki } from '../../server/pki/devPki.ts';
import { writeDevPki } from '../../server/pki/devPkiFiles.ts';
import { BALLOT_ROUTES } from '../../shared/protocol/ballots.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { makePdf } from '../integration/server/support/pdfs.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts';
import { expect, serverTest as test } from './fixtures/app.ts';
import { TRUST_DIR_ENV } from './fixtures/demoServer.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { demo } from './support/demoData.ts';

// Written opinions end to end (workflow 4): the member imports their certificate, signs an
// answer while the server is down, the app restarts, the server comes back, the opinion is
// verified with the server's receive time, and the secretariat sees it in the follow-up table.
// Then: an opinion signed on a draft the secretariat has meanwhile replaced is refused as stale,
// and the member is told the draft changed and to read it again and sign again.

const PASSWORD = 'Mật khẩu thử 123';
const data = buildDemoData();
const userOf = (username: string) => {
  const found = data.users.find((u) => u.user.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found.user;
};
const adminUser = data.users.find((u) => u.user.role === 'admin')?.user;
let pki: DevPki;

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecabinet-e2e-pki-'));
  pki = createDevPki({
    members: [{ name: demo.member.displayName, userId: userOf(demo.member.username).id }],
    password: PASSWORD,
    caBits: 2048,
    p12Iterations: 1000,
  });
  await writeDevPki(dir, pki);
  process.env[TRUST_DIR_ENV] = dir; // read by the server fixture of each test
});

async function token(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      password: DEMO_PASSWORD,
      deviceId: crypto.randomUUID(),
      deviceName: 'e2e',
      protocolVersion: PROTOCOL_VERSION,
    }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

async function post(url: string, path: string, bearer: string, json: unknown): Promise<unknown> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(json),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

test.describe('written opinions', () => {
  test('signed while the server is down, verified after restart; the secretariat sees it', async ({
    app,
    server,
  }) => {
    test.setTimeout(90_000);
    if (!adminUser) throw new Error('the demo data has no admin');
    const member = userOf(demo.member.username);
    const paper = demo.published.papers[0];
    if (!paper) throw new Error('the demo meeting has no paper');
    const admin = await token(server.url, adminUser.username);
    const staff = await token(server.url, demo.secretariat.username);
    await post(server.url, BALLOT_ROUTES.certificates, admin, {
      userId: member.id,
      certificateBase64: Buffer.from(pki.members[0]!.certDer).toString('base64'),
    });
    const { ballot } = (await post(server.url, BALLOT_ROUTES.ballots, staff, {
      question: 'Ý kiến về dự thảo Nghị định (e2e)',
      documentIds: [paper.document.id],
      eligibleMemberIds: [member.id],
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    })) as { ballot: { id: string } };

    // 1. Sign in as the member and import the certificate in Settings.
    const login = new LoginPage(app.page);
    await login.expectShown(server.url);
    await login.signIn(demo.member.username, demo.member.password);
    await expect(login.shell.userName).toHaveText(demo.member.displayName);
    await login.shell.navSettings.click();
    const cert = app.page.getByTestId('certificate-import');
    await cert.getByTestId('certificate-file').setInputFiles({
      name: 'member.p12',
      mimeType: 'application/x-pkcs12',
      buffer: Buffer.from(pki.members[0]!.p12),
    });
    await cert.getByTestId('certificate-password').fill(PASSWORD);
    await cert.getByTestId('certificate-submit').click();
    await expect(cert.getByTestId('certificate-imported')).toBeVisible({ timeout: 15_000 });

    // 2. The ballot arrives; the server goes away; the member answers and signs.
    await app.page.goto(new URL(`#/ballots/${ballot.id}`, app.page.url()).href);
    await expect(app.page.getByTestId('answer-form')).toBeVisible({ timeout: 15_000 });
    await server.stop();
    await app.page.getByTestId('answer-choice-agree').check();
    await app.page.getByTestId('answer-review-button').click();
    await app.page.getByTestId('answer-password').fill(PASSWORD);
    await app.page.getByTestId('answer-sign').click();
    await expect(app.page.getByTestId('opinion-status').first()).toHaveAttribute(
      'data-status',
      'pending',
      { timeout: 15_000 },
    );

    // 3. The app restarts offline: the signed opinion is still waiting.
    await app.restart();
    await app.page.goto(new URL(`#/ballots/${ballot.id}`, app.page.url()).href);
    await expect(app.page.getByTestId('opinion-status').first()).toHaveAttribute(
      'data-status',
      'pending',
      { timeout: 15_000 },
    );

    // 4. The server is back: the opinion is sent, verified, and shows the receipt.
    await server.restart();
    await expect(app.page.getByTestId('opinion-status').first()).toHaveAttribute(
      'data-status',
      'verified',
      { timeout: 30_000 },
    );

    // 5. The secretariat sees it in the follow-up table.
    await login.shell.logout.click();
    await login.expectShown(server.url);
    await login.signIn(demo.secretariat.username, demo.secretariat.password);
    await expect(login.shell.userName).toHaveText(demo.secretariat.displayName);
    await app.page.goto(new URL(`#/ballots/${ballot.id}`, app.page.url()).href);
    const row = app.page.getByTestId('follow-up').getByTestId('follow-up-row');
    await expect(row).toHaveAttribute('data-state', 'verified', { timeout: 15_000 });
  });
});

/** The member's app reaches the server through a loopback proxy, so the test can take that one
 * device offline while the secretariat (HTTP from the test) keeps working. */
const linkedTest = test.extend<{ memberLink: TcpProxy }>({
  memberLink: async ({ server }, use) => {
    const proxy = await startTcpProxy({
      host: '127.0.0.1',
      port: Number(new URL(server.url).port),
    });
    await use(proxy);
    await proxy.close();
  },
  appServerUrl: async ({ memberLink }, use) => use(memberLink.url),
});

linkedTest.describe('written opinions on a replaced draft', () => {
  linkedTest(
    'an opinion signed on the old version is refused as stale, with words saying to re-read and sign again',
    async ({ app, server, memberLink }) => {
      linkedTest.setTimeout(90_000);
      if (!adminUser) throw new Error('the demo data has no admin');
      const member = userOf(demo.member.username);
      const paper = demo.published.papers[0];
      if (!paper) throw new Error('the demo meeting has no paper');
      const admin = await token(server.url, adminUser.username);
      const staff = await token(server.url, demo.secretariat.username);
      await post(server.url, BALLOT_ROUTES.certificates, admin, {
        userId: member.id,
        certificateBase64: Buffer.from(pki.members[0]!.certDer).toString('base64'),
      });
      const { ballot } = (await post(server.url, BALLOT_ROUTES.ballots, staff, {
        question: 'Ý kiến về dự thảo Nghị định (phiên bản mới, e2e)',
        documentIds: [paper.document.id],
        eligibleMemberIds: [member.id],
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      })) as { ballot: { id: string } };

      // 1. The member imports the certificate and signs a first opinion: verified.
      const login = new LoginPage(app.page);
      await login.expectShown(memberLink.url);
      await login.signIn(demo.member.username, demo.member.password);
      await expect(login.shell.userName).toHaveText(demo.member.displayName);
      await login.shell.navSettings.click();
      const cert = app.page.getByTestId('certificate-import');
      await cert.getByTestId('certificate-file').setInputFiles({
        name: 'member.p12',
        mimeType: 'application/x-pkcs12',
        buffer: Buffer.from(pki.members[0]!.p12),
      });
      await cert.getByTestId('certificate-password').fill(PASSWORD);
      await cert.getByTestId('certificate-submit').click();
      await expect(cert.getByTestId('certificate-imported')).toBeVisible({ timeout: 15_000 });
      await app.page.goto(new URL(`#/ballots/${ballot.id}`, app.page.url()).href);
      const sign = async (choice: 'agree' | 'disagree'): Promise<void> => {
        await app.page.getByTestId(`answer-choice-${choice}`).check();
        await app.page.getByTestId('answer-review-button').click();
        await app.page.getByTestId('answer-password').fill(PASSWORD);
        await app.page.getByTestId('answer-sign').click();
      };
      await expect(app.page.getByTestId('answer-form')).toBeVisible({ timeout: 15_000 });
      await sign('agree');
      const latest = app.page.getByTestId('opinion-status').first();
      await expect(latest).toHaveAttribute('data-status', 'verified', { timeout: 30_000 });

      // 2. The device goes offline; the secretariat publishes a new version of the draft.
      memberLink.setDown(true);
      await expect(login.shell.offlineBanner).toBeVisible({ timeout: 15_000 });
      const upload = await fetch(
        `${server.url}/api/admin/documents/${paper.document.id}/versions?fileName=du-thao-v2.pdf`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', authorization: `Bearer ${staff}` },
          body: Buffer.from(await makePdf(2)),
        },
      );
      expect(upload.status).toBe(201);

      // 3. The member, still on the old version, answers again: signed, waiting to be sent.
      await expect(app.page.getByTestId('ballot-documents')).toContainText('phiên bản 1');
      await sign('disagree');
      await expect(latest).toHaveAttribute('data-status', 'pending', { timeout: 15_000 });

      // 4. Back online: refused as stale, with the reason in words; the draft now reads v2.
      memberLink.setDown(false);
      await expect(latest).toHaveAttribute('data-status', 'rejected', { timeout: 30_000 });
      const reason = latest.getByTestId('opinion-reason');
      await expect(reason).toHaveAttribute('data-code', 'STALE_DOCUMENTS');
      await expect(reason).toHaveText(
        'dự thảo đã được thay bằng phiên bản mới sau khi bạn ký; hãy đọc phiên bản mới và trả lời lại.',
      );
      await expect(app.page.getByTestId('ballot-documents')).toContainText('phiên bản 2', {
        timeout: 15_000,
      });
      // The first opinion still counts (the stale one changed nothing).
      await expect(
        app.page.locator('[data-testid="opinion-status"][data-status="verified"]'),
      ).toHaveCount(1);
    },
  );
});
