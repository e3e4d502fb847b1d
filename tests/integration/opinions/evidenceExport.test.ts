import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidence, loadReportFonts } from '../../../electron/core/opinions/evidenceExport.ts';
import {
  importPkcs12,
  type SigningCredential,
} from '../../../electron/core/signing/importPkcs12.ts';
import { createSignedOpinion } from '../../../electron/core/signing/createSignedOpinion.ts';
import { auditLog } from '../../../server/src/db/schema.ts';
import { eq } from '../../../server/src/db/operators.ts';
import { readZip } from '../../../server/src/opinions/evidence/readZip.ts';
import { evidenceManifestSchema } from '../../../shared/opinions/evidenceManifest.ts';
import {
  EVIDENCE_ROUTES,
  evidenceResponseSchema,
  type EvidenceResponse,
} from '../../../shared/protocol/evidence.ts';
import {
  flipByte,
  nssDbTrusting,
  pdfsig,
  runVerify,
  secretariatCredential,
  tamperedZip,
} from '../../support/evidenceTools.ts';
import { FAST_TUNING, startCore } from '../../support/coreHarness.ts';
import { http, startHarness, type Harness, type Session } from '../server/support/harness.ts';
import {
  addVersion,
  ballotStatus,
  bindCert,
  createBallot,
  createOpinionPki,
  insertDocument,
  openDevice,
  PKI_PASSWORD,
  signAnswer,
  submit,
  type Device,
  type OpinionPki,
} from '../server/support/opinionFixture.ts';
import { createWriteMeeting } from '../server/support/writeFixture.ts';

/**
 * The evidence export of a ballot, end to end on a real server (PGlite) with a dev PKI made
 * here: opinions signed and pushed (one superseded, one rejected, one member silent), the staff
 * route read, the export built and its report signed with a secretariat certificate, then
 * checked by the real `npm run verify` script, by OpenSSL and by poppler's pdfsig — and
 * each tampering reported with its own code.
 */
describe('evidence export', () => {
  let h: Harness;
  let pki: OpinionPki;
  let staff: Session;
  let members: Session[];
  let devices: Device[];
  let secretariat: { credential: SigningCredential; caDer: Uint8Array; p12: Uint8Array };
  let dir: string;
  let zip: Uint8Array;
  let zipPath: string;
  let ballotId: string;
  let data: EvidenceResponse;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecabinet-evidence-'));
    pki = await createOpinionPki();
    const made = secretariatCredential(pki.pki, PKI_PASSWORD);
    secretariat = { credential: made.credential, caDer: pki.pki.ca.certDer, p12: made.dev.p12 };
    h = await startHarness({ trustDir: pki.dir });
    const meeting = await createWriteMeeting(h, { people: [{}, {}, {}, {}] });
    staff = meeting.staff;
    members = meeting.people;
    const docId = await insertDocument(h, meeting.meetingId);
    const admin = await h.login(await h.createAccount('admin'));
    for (const i of [0, 1])
      expect(await bindCert(h, admin, members[i]!.user.id, pki.pki.members[i]!.certDer)).toBe(201);
    devices = await Promise.all(members.map((m) => openDevice(h, m)));
    const ballot = await createBallot(h, staff, {
      documentIds: [docId],
      memberIds: members.map((m) => m.user.id),
      deadline: new Date(Date.now() + 3_600_000),
      meetingId: meeting.meetingId,
    });
    ballotId = ballot.id;
    const now = () => h.server.context.clock();
    // Member 1: agrees, then supersedes with an "other" opinion and exceptions.
    const first = signAnswer(devices[0]!, pki.credentials[0]!, ballot, {
      choice: 'agree',
      now: now(),
    });
    expect((await submit(devices[0]!, first.args)).status).toBe('applied');
    // A new draft version: later opinions sign it; the first stays valid evidence of version 1.
    await addVersion(h, docId, meeting.meetingId);
    const current = (await ballotStatus(h, staff, ballot.id)).ballot.documents;
    expect(current[0]?.version).toBe(2);
    const second = createSignedOpinion({
      draft: {
        ballotId: ballot.id,
        memberId: members[0]!.user.id,
        choice: 'other',
        text: 'Đề nghị làm rõ phạm vi điều chỉnh',
        exceptions: [
          { article: 'Điều 5', note: 'Bỏ khoản 2' },
          { article: 'Điều 12', note: 'Sửa thời hạn thành 30 ngày' },
        ],
        documents: current,
      },
      credential: pki.credentials[0]!,
      deviceId: members[0]!.deviceId,
      now: new Date(now().getTime() + 1000),
    });
    const secondAck = await submit(devices[0]!, {
      opinionId: crypto.randomUUID(),
      ballotId: ballot.id,
      payloadBase64: Buffer.from(second.payloadBytes).toString('base64'),
      signatureBase64: Buffer.from(second.signatureDer).toString('base64'),
    });
    expect(secondAck.status).toBe('applied');
    // Member 2: disagrees. Member 3: certificate not bound → rejected. Member 4: silent.
    const two = signAnswer(devices[1]!, pki.credentials[1]!, ballot, {
      choice: 'disagree',
      now: now(),
      documents: current,
    });
    expect((await submit(devices[1]!, two.args)).status).toBe('applied');
    const three = signAnswer(devices[2]!, pki.credentials[2]!, ballot, {
      choice: 'agree',
      now: now(),
      documents: current,
    });
    expect(await submit(devices[2]!, three.args)).toMatchObject({ status: 'rejected' });

    const res = await http(h, 'GET', EVIDENCE_ROUTES.evidence(ballotId), { token: staff.token });
    expect(res.status).toBe(200);
    data = evidenceResponseSchema.parse(res.json);
    const built = await buildEvidence({
      data,
      credential: secretariat.credential,
      fonts: await loadReportFonts(),
      generatedAt: new Date(),
      generatedBy: { userId: staff.user.id, displayName: staff.user.displayName },
    });
    zip = built.zip;
    zipPath = join(dir, built.fileName);
    await writeFile(zipPath, zip);
  }, 180_000);

  afterAll(async () => {
    for (const d of devices ?? []) d.socket.disconnect();
    await h?.close();
    await pki?.remove();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the staff route serves every opinion with its bytes; a member gets 403', async () => {
    const member = await http(h, 'GET', EVIDENCE_ROUTES.evidence(ballotId), {
      token: members[0]!.token,
    });
    expect(member.status).toBe(403);
    const res = await http(h, 'GET', EVIDENCE_ROUTES.evidence(ballotId), { token: staff.token });
    const data = evidenceResponseSchema.parse(res.json);
    expect(data.opinions.map((o) => [o.status, o.supersededBy !== null])).toEqual([
      ['verified', true],
      ['verified', false],
      ['verified', false],
      ['rejected', false],
    ]);
    expect(data.opinions[3]?.code).toBe('CERT_NOT_BOUND');
    expect(data.trust.anchors).toHaveLength(1);
    expect(data.trust.crls).toHaveLength(1);
    const audited = await h.server.context.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'opinionBallot.evidenceExport'));
    expect(audited.filter((a) => a.subject === ballotId).length).toBeGreaterThanOrEqual(2);
    expect(audited.some((a) => a.actorUserId === members[0]!.user.id)).toBe(false);
    const missing = await http(h, 'GET', EVIDENCE_ROUTES.evidence(crypto.randomUUID()), {
      token: staff.token,
    });
    expect(missing.status).toBe(404);
  });

  it('the export lists every file in the manifest and verifies: one line per opinion, exit 0', () => {
    const files = readZip(zip);
    const manifest = evidenceManifestSchema.parse(
      JSON.parse(Buffer.from(files.get('manifest.json')!).toString()),
    );
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [...files.keys()].filter((p) => p !== 'manifest.json').sort(),
    );
    expect(manifest.files.filter((f) => f.path.endsWith('.p7s'))).toHaveLength(4);
    const summary = JSON.parse(Buffer.from(files.get('summary.json')!).toString()) as {
      result: Record<string, unknown>;
      exceptionsByArticle: { article: string }[];
    };
    expect(summary.result).toMatchObject({
      agree: 0,
      disagree: 1,
      other: 1,
      rejected: 1,
      notAnswered: 2,
      eligible: 4,
      outcome: 'failed',
    });
    expect(summary.exceptionsByArticle.map((g) => g.article)).toEqual(['Điều 5', 'Điều 12']);

    const r = runVerify(zipPath);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('OPINION '));
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => / status=verified,superseded code=OK /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / status=verified code=OK /.test(l))).toHaveLength(2);
    expect(
      lines.filter((l) =>
        / status=rejected code=CERT_NOT_BOUND \(offline: CERT_NOT_BOUND\)/.test(l),
      ),
    ).toHaveLength(1);
    expect(r.stdout).toContain('Report: signature valid');
    expect(r.stdout).toContain(
      `(certificate SHA-256 ${require256(secretariat.credential.certificate.der)})`,
    );
    expect(r.stdout).toContain(`(SHA-256 ${require256(secretariat.caDer)})`);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('VERDICT: VALID');
  });

  it("a report signed with a member's bound certificate: REPORT_SIGNER_IS_MEMBER, exit 1", async () => {
    const built = await buildEvidence({
      data,
      credential: pki.credentials[1]!, // a valid chain to the same CA, bound to member 2
      fonts: await loadReportFonts(),
      generatedAt: new Date(),
      generatedBy: { userId: members[1]!.user.id, displayName: members[1]!.user.displayName },
    });
    const path = join(dir, 'member-signed.zip');
    await writeFile(path, built.zip);
    const r = runVerify(path);
    expect(r.stdout).toContain('Report: signature valid'); // the PAdES signature itself holds
    expect(r.stdout).toContain('FAIL REPORT_SIGNER_IS_MEMBER report.pdf');
    expect(r.status).toBe(1);
  });

  it('a closed ballot: its stored result must be the result of the exported opinions (RESULT_MISMATCH)', async () => {
    const build = async (result: unknown, name: string) => {
      const closed = {
        ...data,
        ballot: { ...data.ballot, status: 'closed', closedAt: new Date().toISOString(), result },
      } as EvidenceResponse;
      const built = await buildEvidence({
        data: closed,
        credential: secretariat.credential,
        fonts: await loadReportFonts(),
        generatedAt: new Date(),
        generatedBy: { userId: staff.user.id, displayName: staff.user.displayName },
      });
      const path = join(dir, name);
      await writeFile(path, built.zip);
      const summary = readZip(built.zip).get('summary.json');
      if (!summary) throw new Error('no summary.json');
      const parsed = JSON.parse(Buffer.from(summary).toString('utf8')) as {
        result: { agree: number };
      };
      return { path, result: parsed.result };
    };
    const open = await build(null, 'closed-probe.zip');
    const honest = await build(open.result, 'closed.zip');
    expect(runVerify(honest.path).stdout.trim().split('\n').at(-1)).toBe('VERDICT: VALID');
    const forged = { ...open.result, agree: open.result.agree + 1 };
    const r = runVerify((await build(forged, 'closed-forged.zip')).path);
    expect(r.stdout).toContain('FAIL RESULT_MISMATCH ballot.json');
    expect(r.status).toBe(1);
  });

  it('a forged export (an opinion dropped, a self-made CA added, the report re-signed) passes only on the exported anchors; --trust-dir refuses it', async () => {
    const opened = importPkcs12(pki.pki.foreign.p12, PKI_PASSWORD);
    if (!opened.ok) throw new Error(opened.error.code);
    const forged: EvidenceResponse = {
      ...data,
      opinions: data.opinions.filter((o) => o.memberId !== members[1]!.user.id),
      trust: {
        ...data.trust,
        anchors: [...data.trust.anchors, Buffer.from(pki.pki.foreignCa.certDer).toString('base64')],
      },
    };
    const built = await buildEvidence({
      data: forged,
      credential: opened.value,
      fonts: await loadReportFonts(),
      generatedAt: new Date(),
      generatedBy: { userId: staff.user.id, displayName: staff.user.displayName },
    });
    const path = join(dir, 'forged.zip');
    await writeFile(path, built.zip);
    // The documented limit: self-consistent, so only the printed anchors betray it.
    const own = runVerify(path);
    expect(own.stdout).toContain(`(SHA-256 ${require256(pki.pki.foreignCa.certDer)})`);
    expect(own.stdout.trim().split('\n').at(-1)).toBe('VERDICT: VALID');
    const anchored = runVerify(path, '--trust-dir', pki.dir);
    expect(anchored.stdout).toContain('FAIL REPORT_CERT_INVALID report.pdf');
    expect(anchored.status).toBe(1);
  });

  it('OpenSSL accepts each exported opinion with the exported CA file', async () => {
    const files = readZip(zip);
    const out = join(dir, 'openssl');
    const write = async (name: string) => {
      const path = join(out, name.replaceAll('/', '_'));
      await writeFile(path, files.get(name)!);
      return path;
    };
    await mkdir(out, { recursive: true });
    const ca = await write('certs/trust/anchor-1.pem');
    const verified = [...files.keys()].filter((p) => p.endsWith('payload.json')).slice(0, 3);
    for (const payload of verified) {
      const r = spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          await write(payload.replace('payload.json', 'signature.p7s')),
          '-content',
          await write(payload),
          '-CAfile',
          ca,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toContain('Verification successful');
    }
  });

  it('pdfsig reports the report signature valid (and the dev CA trusted); a changed byte makes it invalid', async () => {
    const files = readZip(zip);
    const report = files.get('report.pdf')!;
    const path = join(dir, 'report.pdf');
    await writeFile(path, report);
    const plain = pdfsig(path);
    expect(plain.stdout).toContain('Signature Validation: Signature is Valid.');
    const nss = nssDbTrusting(join(dir, 'nss'), secretariat.caDer);
    const trusted = pdfsig(path, nss);
    expect(trusted.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(trusted.stdout).toContain('Certificate Validation: Certificate is Trusted.');

    const changed = join(dir, 'report-changed.pdf');
    await writeFile(changed, digestCharChanged(report));
    const bad = pdfsig(changed, nss);
    expect(bad.stdout).not.toContain('Signature is Valid.');
    expect(bad.stdout).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it('a changed payload byte: FILE_HASH_MISMATCH and PAYLOAD_MISMATCH, exit 1', () => {
    const path = tamperedZip(zip, join(dir, 'payload.zip'), (files) => {
      const name = firstOf(files, 'payload.json');
      files.set(name, flipByte(files.get(name)!, 40));
    });
    const r = runVerify(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL FILE_HASH_MISMATCH opinions\/001-[^ ]+\/payload\.json/);
    expect(r.stdout).toContain('FAIL PAYLOAD_MISMATCH');
    expect(r.stdout).toMatch(/VERDICT: INVALID \(.*PAYLOAD_MISMATCH/);
  });

  it('a changed .p7s byte: BAD_SIGNATURE, exit 1', () => {
    const path = tamperedZip(zip, join(dir, 'p7s.zip'), (files) => {
      const name = firstOf(files, 'signature.p7s');
      files.set(name, flipByte(files.get(name)!, -1)); // the signature value's last octet
    });
    const r = runVerify(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL BAD_SIGNATURE');
    expect(r.stdout).toMatch(/FAIL FILE_HASH_MISMATCH opinions\/001-[^ ]+\/signature\.p7s/);
  });

  it('a manifest rewritten to hide a changed file: MANIFEST_NOT_BOUND, exit 1', () => {
    const path = tamperedZip(zip, join(dir, 'manifest.zip'), (files) => {
      const summaryBytes = Buffer.from(
        Buffer.from(files.get('summary.json')!)
          .toString('utf8')
          .replace('"disagree": 1', '"disagree": 2'),
      );
      files.set('summary.json', new Uint8Array(summaryBytes));
      const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString()) as {
        files: { path: string; sha256: string; size: number }[];
      };
      const entry = manifest.files.find((f) => f.path === 'summary.json')!;
      entry.sha256 = require256(summaryBytes);
      entry.size = summaryBytes.length;
      files.set('manifest.json', new Uint8Array(Buffer.from(JSON.stringify(manifest, null, 2))));
    });
    const r = runVerify(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL MANIFEST_NOT_BOUND');
    expect(r.stdout).toContain('FAIL SUMMARY_MISMATCH');
    expect(r.stdout).not.toContain('FILE_HASH_MISMATCH');
  });

  it('a changed byte in the report PDF: REPORT_SIGNATURE_INVALID, exit 1', () => {
    const path = tamperedZip(zip, join(dir, 'pdf.zip'), (files) => {
      files.set('report.pdf', digestCharChanged(files.get('report.pdf')!));
    });
    const r = runVerify(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL REPORT_SIGNATURE_INVALID report.pdf');
  });

  it('through the client core: the secretariat exports with progress; wrong password, members refused', async () => {
    const account = await h.createAccount('secretariat');
    const core = startCore({ serverUrl: h.url, tuning: FAST_TUNING });
    try {
      await core.call('session:login', {
        username: account.user.username,
        password: account.password,
      });
      await core.waitFor(
        'connection:state',
        (s) => s.state === 'online' && s.lastSyncedAt !== null,
      );
      expect(
        await core.failCode('ballots:exportEvidence', {
          ballotId,
          password: PKI_PASSWORD,
          target: 'file',
        }),
      ).toBe('NO_CERTIFICATE');
      await core.call('certificates:import', {
        pkcs12Base64: Buffer.from(secretariat.p12).toString('base64'),
        password: PKI_PASSWORD,
      });
      expect(
        await core.failCode('ballots:exportEvidence', {
          ballotId,
          password: 'sai',
          target: 'file',
        }),
      ).toBe('PKCS12_WRONG_PASSWORD');
      expect(
        await core.failCode('ballots:exportEvidence', {
          ballotId: crypto.randomUUID(),
          password: PKI_PASSWORD,
          target: 'file',
        }),
      ).toBe('NOT_FOUND');
      const from = core.events.length;
      const out = await core.call('ballots:exportEvidence', {
        ballotId,
        password: PKI_PASSWORD,
        target: 'file',
      });
      expect(out).toMatchObject({ opinions: 4, base64: null });
      expect(out.path).toBe(join(core.dir, 'exports', out.fileName));
      const steps = core.events
        .slice(from)
        .filter((e) => e.name === 'evidence:progress')
        .map((e) => (e.payload as { step: string }).step);
      expect(steps).toEqual(['fetch', 'files', 'report', 'sign', 'write', 'done']);
      const r = runVerify(out.path!);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('VERDICT: VALID');
      const download = await core.call('ballots:exportEvidence', {
        ballotId,
        password: PKI_PASSWORD,
        target: 'download',
      });
      expect(download.path).toBeNull();
      expect(
        readZip(new Uint8Array(Buffer.from(download.base64!, 'base64'))).has('report.pdf'),
      ).toBe(true);
    } finally {
      await core.dispose();
    }
    const member = startCore({ serverUrl: h.url, tuning: FAST_TUNING });
    try {
      const m = await h.createAccount('member');
      await member.call('session:login', { username: m.user.username, password: m.password });
      expect(
        await member.failCode('ballots:exportEvidence', {
          ballotId,
          password: PKI_PASSWORD,
          target: 'file',
        }),
      ).toBe('FORBIDDEN');
    } finally {
      await member.dispose();
    }
  });

  it('not an export: exit 2', async () => {
    const path = join(dir, 'not.zip');
    await writeFile(path, 'not a zip');
    const r = runVerify(path);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('UNREADABLE');
  });
});

function firstOf(files: Map<string, Uint8Array>, suffix: string): string {
  const name = [...files.keys()].sort().find((p) => p.endsWith(suffix));
  if (name === undefined) throw new Error(`no ${suffix}`);
  return name;
}

function require256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A signed byte of the report changed without breaking the PDF: one hex digit of the content
 * digest in the Info dictionary. */
function digestCharChanged(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const at = text.indexOf('/ECabinetContentSha256 (') + '/ECabinetContentSha256 ('.length;
  const copy = pdf.slice();
  copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
  return copy;
}
