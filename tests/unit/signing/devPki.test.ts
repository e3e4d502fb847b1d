import { X509Certificate, createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { importPkcs12 } from '../../../electron/core/signing/importPkcs12.ts';
import { issueCrl } from '../../../server/pki/crlBuilder.ts';
import { buildPkcs12 } from '../../../server/pki/pkcs12Builder.ts';
import { serialFor } from '../../../server/pki/devPki.ts';
import { slug, toPem, writeDevPki } from '../../../server/pki/devPkiFiles.ts';
import { createTrustStore } from '../../../server/src/opinions/verify/TrustStore.ts';
import { loadTrustFiles } from '../../../server/src/opinions/verify/loadTrustFiles.ts';
import { OID } from '../../../shared/opinions/oids.ts';
import { NOW, PASSWORD, testPki } from './support/testPki.ts';

const pki = testPki();
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the development PKI', () => {
  it('issues one certificate per member: CN = display name, unique serial, signing key usages', () => {
    const serials = new Set(
      [...pki.members, pki.revoked, pki.expired, pki.foreign].map((c) => c.serialHex),
    );
    expect(serials.size).toBe(pki.members.length + 3);
    const x509 = new X509Certificate(pki.members[0]!.certDer);
    expect(x509.subject).toContain('CN=Nguyễn Văn An');
    expect(x509.checkIssued(new X509Certificate(pki.ca.certDer))).toBe(true);
    expect(x509.keyUsage).toEqual(
      expect.arrayContaining(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36']),
    ); // node lists the EKUs here
    expect(new X509Certificate(pki.ca.certDer).ca).toBe(true);
    expect(
      new X509Certificate(pki.foreign.certDer).checkIssued(new X509Certificate(pki.ca.certDer)),
    ).toBe(false);
    expect(new X509Certificate(pki.expired.certDer).validToDate.getTime()).toBeLessThan(
      NOW.getTime(),
    );
  });

  it('derives serials from seed and label: deterministic, positive, 16 octets', () => {
    expect(serialFor('s', 'a')).toBe(serialFor('s', 'a'));
    expect(serialFor('s', 'a')).not.toBe(serialFor('s', 'b'));
    expect(serialFor('s', 'a')).toMatch(/^[4-7][0-9a-f]{31}$/);
  });

  it('writes PKCS#12 files that forge reads back (PBES2/AES-256, SHA-256 MAC) and the importer opens', () => {
    // forge reads its password once for both the PBKDF2 (octets) and the MAC (BMPString), so
    // it can only open ASCII-password files; the importer handles the Vietnamese one as well.
    const ascii = buildPkcs12({
      privateKey: pki.member.privateKey,
      certificates: [pki.member.certDer, pki.ca.certDer],
      password: 'ascii-pass',
      friendlyName: 'x',
    });
    const p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(Buffer.from(ascii).toString('binary')),
      'ascii-pass',
    );
    expect(p12.getBags({ bagType: OID.certBag })[OID.certBag]).toHaveLength(2);
    expect(p12.getBags({ bagType: OID.pkcs8ShroudedKeyBag })[OID.pkcs8ShroudedKeyBag]).toHaveLength(
      1,
    );
    const imported = importPkcs12(pki.members[0]!.p12, PASSWORD);
    expect(imported.ok && imported.value.serial).toBe(pki.members[0]!.serialHex);
  });

  it('publishes a CRL, signed by the CA, that lists the revoked certificate', () => {
    const trust = createTrustStore({ anchors: [pki.ca.certDer], crls: [pki.crlDer] });
    expect(trust.ok).toBe(true);
    if (trust.ok)
      expect(
        [...trust.value.crlByIssuerSha256.values()][0]!.revoked.has(pki.revoked.serialHex),
      ).toBe(true);
  });

  it('writes trust/ca.pem, crl/ca.crl.pem, the .p12 files (0600) and a manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecabinet-pki-'));
    dirs.push(dir);
    const written = await writeDevPki(dir, pki);
    expect(await readFile(join(dir, 'trust', 'ca.pem'), 'utf8')).toBe(
      toPem(pki.ca.certDer, 'CERTIFICATE'),
    );
    expect(await readFile(join(dir, 'crl', 'ca.crl.pem'), 'utf8')).toMatch(
      /^-----BEGIN X509 CRL-----\n/,
    );
    const p12 = join(dir, 'members', `01-${slug('Nguyễn Văn An')}.p12`);
    expect(((await stat(p12)).mode & 0o777).toString(8)).toBe('600');
    const manifest = JSON.parse(await readFile(written.manifestPath, 'utf8')) as {
      members: { serial: string; userId: string }[];
    };
    expect(manifest.members[0]).toMatchObject({
      serial: pki.members[0]!.serialHex,
      userId: 'ecab0001-0000-4000-8000-000000000001',
    });
    expect(slug('Nguyễn Văn Đức')).toBe('nguyen-van-duc');

    // The server's file-based trust configuration reads that layout back.
    const trust = await loadTrustFiles(dir);
    expect(trust.ok && trust.value.anchors.map((a) => a.sha256)).toEqual([
      createHash('sha256').update(pki.ca.certDer).digest('hex'),
    ]);
    expect(trust.ok && trust.value.crlByIssuerSha256.size).toBe(1);
    expect(await loadTrustFiles(join(dir, 'members'))).toMatchObject({
      ok: false,
      error: { code: 'NO_ANCHORS' },
    });
  });
});

describe('the trust store', () => {
  it('refuses a CRL not signed by its issuer (CRL_BAD_SIGNATURE)', () => {
    const forged = issueCrl({
      issuerCertDer: pki.ca.certDer, // the CA's name ...
      issuerKey: pki.foreignCa.privateKey, // ... but another key
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + 86_400_000),
      revoked: [],
      crlNumber: 2,
      authorityKeyId: pki.ca.keyId,
    });
    expect(createTrustStore({ anchors: [pki.ca.certDer], crls: [forged] })).toMatchObject({
      ok: false,
      error: { code: 'CRL_BAD_SIGNATURE' },
    });
  });

  it('refuses a CRL from a CA that is not configured, a garbage anchor and a non-CA anchor', () => {
    expect(
      createTrustStore({ anchors: [pki.ca.certDer], crls: [issueForeignCrl()] }),
    ).toMatchObject({ ok: false, error: { code: 'CRL_ISSUER_UNKNOWN' } });
    expect(createTrustStore({ anchors: [Uint8Array.from([0x30, 0x00])] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ANCHOR' },
    });
    expect(createTrustStore({ anchors: [pki.member.certDer] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_ANCHOR' },
    });
    expect(
      createTrustStore({ anchors: [pki.ca.certDer], crls: [Uint8Array.from([1, 2, 3])] }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_CRL' } });
  });
});

function issueForeignCrl(): Uint8Array {
  return issueCrl({
    issuerCertDer: pki.foreignCa.certDer,
    issuerKey: pki.foreignCa.privateKey,
    thisUpdate: NOW,
    nextUpdate: new Date(NOW.getTime() + 86_400_000),
    revoked: [],
    crlNumber: 1,
    authorityKeyId: pki.foreignCa.keyId,
  });
}
