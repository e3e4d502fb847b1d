import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DevPki } from '../../server/pki/devPki.ts';
import { makePdf } from '../integration/server/support/pdfs.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.ts';
import { expect, serverTest as test } from './fixtures/app.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { demo } from './support/demoData.ts';
import {
  apiLogin,
  demoAdmin,
  demoUser,
  KEY_PASSWORD,
  openMemberBallot,
  trustDemoPki,
} from './support/opinionBallot.ts';

// Written opinions end to end (workflow 4): the member imports their certificate, signs an
// answer while the server is down, the app restarts, the server comes back, the opinion is
// verified with the server's receive time, and the secretariat sees it in the follow-up table.
// Then: an opinion signed on a draft the secretariat has meanwhile replaced is refused as stale,
// and the member is told the draft changed and to read it again and sign again.

const PASSWORD = KEY_PASSWORD;
let pki: DevPki;

test.beforeAll(async () => {
  pki = await trustDemoPki(mkdtempSync(join(tmpdir(), 'ecabinet-e2e-pki-')), [
    demo.member.username,
  ]);
});

/**
 * The admin binds the member's certificate and the secretariat opens a ballot for them on the
 * first paper; the member signs in (the app shows `appUrl`) and imports their certificate.
 * Returns the ballot, its paper, the secretariat's API token and the login page.
 */
async function memberReadyToSign(page: Page, serverUrl: string, appUrl: string, question: string) {
  const member = demoUser(demo.member.username);
  const paper = demo.published.papers[0];
  if (!paper) throw new Error('the demo meeting has no paper');
  const admin = (await apiLogin(serverUrl, demoAdmin().username)).token;
  const staff = (await apiLogin(serverUrl, demo.secretariat.username)).token;
  const ballot = await openMemberBallot(
    serverUrl,
    { admin, staff },
    {
      memberId: member.id,
      certDer: pki.members[0]!.certDer,
      documentId: paper.document.id,
      question,
    },
  );
  const login = new LoginPage(page);
  await login.expectShown(appUrl);
  await login.signIn(demo.member.username, demo.member.password);
  await expect(login.shell.userName).toHaveText(demo.member.displayName);
  await login.shell.navSettings.click();
  await new SettingsPage(page).importCertificate(
    { name: 'member.p12', p12: pki.members[0]!.p12 },
    PASSWORD,
  );
  return { ballot, staff, login, paper };
}

test.describe('written opinions', () => {
  test('signed while the server is down, verified after restart; the secretariat sees it', async ({
    app,
    server,
  }) => {
    test.setTimeout(90_000);
    // 1. Sign in as the member and import the certificate in Settings.
    const { ballot, login } = await memberReadyToSign(
      app.page,
      server.url,
      server.url,
      'Ý kiến về dự thảo Nghị định (e2e)',
    );

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
      // 1. The member imports the certificate and signs a first opinion: verified.
      const { ballot, staff, login, paper } = await memberReadyToSign(
        app.page,
        server.url,
        memberLink.url,
        'Ý kiến về dự thảo Nghị định (phiên bản mới, e2e)',
      );
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
