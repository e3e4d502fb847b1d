import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignedOpinion } from '../../electron/core/signing/createSignedOpinion.ts';
import { importPkcs12 } from '../../electron/core/signing/importPkcs12.ts';
import type { DevPki } from '../../server/pki/devPki.ts';
import { readZip } from '../../server/src/opinions/evidence/readZip.ts';
import { connectSession } from '../integration/server/support/harness.ts';
import { mutation, pushOk } from '../integration/server/support/writeFixture.ts';
import { nssDbTrusting, pdfsig, runVerify } from '../support/evidenceTools.ts';
import { expect, serverTest as test } from './fixtures/app.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { demo } from './support/demoData.ts';
import {
  apiLogin,
  demoAdmin,
  KEY_PASSWORD,
  openMemberBallot,
  trustDemoPki,
} from './support/opinionBallot.ts';

// The evidence export end to end (workflow 4): a member's signed opinion is verified on the
// server; the secretariat imports their own certificate, opens the ballot in the app, exports
// the evidence (browser mode: a .zip download), and the export passes `npm run verify` and
// poppler's pdfsig.

const PASSWORD = KEY_PASSWORD;
let pki: DevPki;
let work: string;

test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ecabinet-e2e-evidence-'));
  pki = await trustDemoPki(join(work, 'pki'), [demo.member.username, demo.secretariat.username]);
});

test.describe('evidence export', () => {
  test('the secretariat exports a ballot; verify and pdfsig accept it', async ({ app, server }) => {
    test.setTimeout(90_000);
    const paper = demo.published.papers[0];
    if (!paper) throw new Error('the demo data has no paper');
    const admin = await apiLogin(server.url, demoAdmin().username);
    const staff = await apiLogin(server.url, demo.secretariat.username);
    const member = await apiLogin(server.url, demo.member.username);
    const ballot = await openMemberBallot(
      server.url,
      { admin: admin.token, staff: staff.token },
      {
        memberId: member.user.id,
        certDer: pki.members[0]!.certDer,
        documentId: paper.document.id,
        question: 'Ý kiến về dự thảo Nghị định (bộ chứng cứ e2e)',
      },
    );

    // 1. The member's signed opinion, pushed as a device does.
    const opened = importPkcs12(pki.members[0]!.p12, PASSWORD);
    if (!opened.ok) throw new Error(opened.error.message);
    const signed = createSignedOpinion({
      draft: {
        ballotId: ballot.id,
        memberId: member.user.id,
        choice: 'other',
        text: 'Đề nghị làm rõ phạm vi điều chỉnh',
        exceptions: [{ article: 'Điều 5', note: 'Bỏ khoản 2' }],
        documents: ballot.documents,
      },
      credential: opened.value,
      deviceId: member.deviceId,
      now: new Date(),
    });
    const socket = await connectSession(server.url, member);
    const pushed = await pushOk(socket, randomUUID(), [
      mutation(1, 'opinion.submit', {
        opinionId: randomUUID(),
        ballotId: ballot.id,
        payloadBase64: Buffer.from(signed.payloadBytes).toString('base64'),
        signatureBase64: Buffer.from(signed.signatureDer).toString('base64'),
      }),
    ]);
    socket.disconnect();
    expect(pushed.acks[0]?.status).toBe('applied');

    // 2. The secretariat signs in and imports their certificate.
    const page = app.page;
    const loginPage = new LoginPage(page);
    await loginPage.expectShown(server.url);
    await loginPage.signIn(demo.secretariat.username, demo.secretariat.password);
    await expect(loginPage.shell.userName).toHaveText(demo.secretariat.displayName);
    await loginPage.shell.navSettings.click();
    await new SettingsPage(page).importCertificate(
      { name: 'vpcp.p12', p12: pki.members[1]!.p12 },
      PASSWORD,
    );

    // 3. The ballot's follow-up shows the opinion; a wrong password is refused clearly.
    await page.goto(new URL(`#/ballots/${ballot.id}`, page.url()).href);
    await expect(page.getByTestId('follow-up').getByTestId('follow-up-row')).toHaveAttribute(
      'data-state',
      'verified',
      { timeout: 15_000 },
    );
    const evidence = page.getByTestId('evidence-export');
    await evidence.getByTestId('evidence-open').click();
    await evidence.getByTestId('evidence-password').fill('sai mật khẩu');
    await evidence.getByTestId('evidence-submit').click();
    await expect(evidence.getByTestId('evidence-error')).toHaveAttribute(
      'data-code',
      'PKCS12_WRONG_PASSWORD',
    );

    // 4. Export: the browser receives the .zip.
    await evidence.getByTestId('evidence-password').fill(PASSWORD);
    const downloading = page.waitForEvent('download');
    await evidence.getByTestId('evidence-submit').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^bang-chung-phieu-.*\.zip$/);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    await expect(evidence.getByTestId('evidence-done')).toBeVisible();

    // 5. Independent checks: npm run verify, and pdfsig on the signed report.
    const verified = runVerify(zipPath);
    expect(verified.stdout).toMatch(/OPINION .* choice=other status=verified code=OK/);
    expect(verified.stdout.trim().split('\n').at(-1)).toBe('VERDICT: VALID');
    expect(verified.status).toBe(0);
    const reportPath = join(work, 'report.pdf');
    writeFileSync(reportPath, readZip(new Uint8Array(readFileSync(zipPath))).get('report.pdf')!);
    const nss = nssDbTrusting(join(work, 'nss'), pki.ca.certDer);
    const checked = pdfsig(reportPath, nss);
    expect(checked.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(checked.stdout).toContain('Certificate Validation: Certificate is Trusted.');
  });
});
