import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSignedOpinion } from '../../../electron/core/signing/createSignedOpinion.ts';
import { importPkcs12 } from '../../../electron/core/signing/importPkcs12.ts';
import { toPem } from '../../../server/pki/devPkiFiles.ts';
import {
  BALLOT_ID,
  DEVICE_ID,
  DOCUMENTS,
  MEMBER_ID,
  codeOf,
  verify,
} from '../../unit/signing/support/opinionFixture.ts';
import { NOW, PASSWORD, testPki, type TestSigner } from '../../unit/signing/support/testPki.ts';

/**
 * PKCS#12 files written by the OpenSSL CLI (3.x) and opened by the device's importer, and the
 * other way round. The password is Vietnamese, passed to OpenSSL as UTF-8 from a file.
 */
const pki = testPki();
const dir = mkdtempSync(join(tmpdir(), 'ecabinet-p12-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const passwordFile = join(dir, 'password.txt');
writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
const caPem = join(dir, 'ca.pem');
writeFileSync(caPem, toPem(pki.ca.certDer, 'CERTIFICATE'));

let counter = 0;
/** `openssl pkcs12 -export` of `signer` (+ the CA as chain) with extra options; returns the file bytes. */
function opensslExport(signer: TestSigner, options: string[]): Uint8Array {
  const n = counter++;
  const key = join(dir, `key-${n}.pem`);
  const cert = join(dir, `cert-${n}.pem`);
  const out = join(dir, `out-${n}.p12`);
  writeFileSync(key, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(cert, toPem(signer.certDer, 'CERTIFICATE'));
  const r = spawnSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-certfile',
      caPem,
      '-passout',
      `file:${passwordFile}`,
      '-out',
      out,
      ...options,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl pkcs12 -export failed: ${r.stderr}`);
  return new Uint8Array(readFileSync(out));
}

const MODERN = ['-keypbe', 'AES-256-CBC', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256'];

describe('PKCS#12 made by OpenSSL', () => {
  it('opens AES-256-CBC / PBKDF2 / HMAC-SHA-256 files (the OpenSSL 3 default profile)', () => {
    const r = importPkcs12(opensslExport(pki.member, MODERN), PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      keyType: 'rsa',
      serial: pki.member.serialHex,
      sha256: pki.member.sha256,
    });
    expect(r.value.chain).toHaveLength(1);
  });

  it('opens -legacy files (RC2-40 certificates, 3DES key, HMAC-SHA-1)', () => {
    const r = importPkcs12(opensslExport(pki.member, ['-legacy']), PASSWORD);
    expect(r.ok && r.value.serial).toBe(pki.member.serialHex);
  });

  it('opens an ECDSA P-256 file whose signatures OpenSSL and our verifier accept', async () => {
    const r = importPkcs12(opensslExport(pki.ecP256, MODERN), PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.keyType).toBe('ec');
    expect(r.value.certificate.forge).toBeNull(); // forge's X.509 reader is RSA-only
    const signed = createSignedOpinion({
      draft: {
        ballotId: BALLOT_ID,
        memberId: MEMBER_ID,
        choice: 'agree',
        text: '',
        exceptions: [],
        documents: DOCUMENTS,
      },
      credential: r.value,
      deviceId: DEVICE_ID,
      now: NOW,
    });
    expect(await codeOf(verify(signed))).toBe('OK');
    const sig = join(dir, 'ec.p7s');
    const content = join(dir, 'ec.json');
    writeFileSync(sig, signed.signatureDer);
    writeFileSync(content, signed.payloadBytes);
    const check = spawnSync('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      content,
      '-CAfile',
      caPem,
      '-out',
      join(dir, 'ec.out'),
    ]);
    expect(check.status).toBe(0);
  });

  it('says WRONG_PASSWORD, TAMPERED, NO_MAC and UNSUPPORTED_ALGORITHM with clear codes', () => {
    const modern = opensslExport(pki.member, MODERN);
    const codeFor = (bytes: Uint8Array, password = PASSWORD) => {
      const r = importPkcs12(bytes, password);
      return r.ok ? 'OK' : r.error.code;
    };
    expect(codeFor(modern, 'mat khau thu 123')).toBe('WRONG_PASSWORD');
    const macFlipped = Uint8Array.from(modern);
    macFlipped[macFlipped.length - 30]! ^= 0x01; // inside the HMAC value (before an 8-byte salt and the count)
    expect(codeFor(macFlipped)).toBe('TAMPERED');
    expect(codeFor(opensslExport(pki.member, ['-nomac']))).toBe('NO_MAC');
    expect(
      codeFor(
        opensslExport(pki.member, [
          '-keypbe',
          'CAMELLIA-256-CBC',
          '-certpbe',
          'AES-256-CBC',
          '-macalg',
          'sha256',
        ]),
      ),
    ).toBe('UNSUPPORTED_ALGORITHM');
  });
});

describe('PKCS#12 made by forge (the dev PKI), read by OpenSSL', () => {
  it("passes OpenSSL's MAC check and decrypts with the Vietnamese password", () => {
    const p12 = join(dir, 'forge.p12');
    writeFileSync(p12, pki.members[0]!.p12);
    const r = spawnSync(
      'openssl',
      [
        'pkcs12',
        '-in',
        p12,
        '-passin',
        `file:${passwordFile}`,
        '-nodes',
        '-info',
        '-out',
        join(dir, 'forge.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('MAC: sha256');
    expect(r.stderr).toContain('PBES2, PBKDF2, AES-256-CBC');
    expect(readFileSync(join(dir, 'forge.pem'), 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    const wrong = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:wrong', '-noout']);
    expect(wrong.status).not.toBe(0);
  });
});
