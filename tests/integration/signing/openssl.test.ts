import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toPem } from '../../../server/pki/devPkiFiles.ts';
import { parseDer, type DerNode } from '../../../server/src/opinions/verify/der/parseDer.ts';
import {
  codeOf,
  signedBy,
  verify,
  type SignedFixture,
} from '../../unit/signing/support/opinionFixture.ts';
import { testPki } from '../../unit/signing/support/testPki.ts';

/**
 * OpenSSL (the CLI, not our code) as the independent verifier of what the device signs:
 * `openssl cms -verify -binary -inform DER -in sig.p7s -content payload.json -CAfile ca.pem`.
 * No `-purpose any`: the dev certificates carry emailProtection, which OpenSSL's default
 * S/MIME purpose requires (with keyUsage digitalSignature / nonRepudiation). `openssl cms`
 * verifies against the wall clock, and the test PKI's certificates are valid around today.
 */
const pki = testPki();
const dir = mkdtempSync(join(tmpdir(), 'ecabinet-openssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, toPem(pki.ca.certDer, 'CERTIFICATE'));
const caAndCrlFile = join(dir, 'ca-crl.pem');
writeFileSync(caAndCrlFile, toPem(pki.ca.certDer, 'CERTIFICATE') + toPem(pki.crlDer, 'X509 CRL'));

let counter = 0;
/** True when `openssl cms -verify` accepts the detached signature over the payload. */
function opensslAccepts(
  fixture: { signatureDer: Uint8Array; payloadBytes: Uint8Array },
  options: { crlCheck?: boolean } = {},
): boolean {
  const n = counter++;
  const sig = join(dir, `sig-${n}.p7s`);
  const content = join(dir, `payload-${n}.json`);
  writeFileSync(sig, fixture.signatureDer);
  writeFileSync(content, fixture.payloadBytes);
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    sig,
    '-content',
    content,
    '-out',
    join(dir, 'out'),
    '-CAfile',
    options.crlCheck === true ? caAndCrlFile : caFile,
  ];
  if (options.crlCheck === true) args.push('-crl_check');
  return spawnSync('openssl', args, { encoding: 'utf8' }).status === 0;
}

const flip = (bytes: Uint8Array, at: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[at]! ^= 0x01;
  return copy;
};

/** Offsets of the parts of our SignedData that carry meaning, found with our own DER walker. */
function landmarks(der: Uint8Array): Record<string, number> {
  const tree = parseDer(der, { maxDepth: 32, maxNodes: 8192 });
  if (!tree.ok) throw new Error(tree.error.message);
  const signedData = tree.value.children[1]!.children[0]!;
  const certs = signedData.children[3]!.children;
  const signerInfo = signedData.children[4]!.children[0]!;
  const attrs = signerInfo.children[3]!;
  const signerCert = certs.find((c) =>
    Buffer.from(der.subarray(c.start, c.end)).equals(pki.member.certDer),
  ) as DerNode;
  const attr = (i: number) => attrs.children[i]!.children[1]!.children[0]!; // the value in the SET
  const signature = signerInfo.children[5]!;
  return {
    'signature value (start)': signature.contentStart + 3,
    'signature value (middle)': (signature.contentStart + signature.end) >> 1,
    'signature value (end)': signature.end - 1,
    'contentType attribute': attr(0).end - 1,
    'signingTime attribute': attr(1).contentStart + 9,
    'messageDigest attribute': attr(2).contentStart + 7,
    'signing-certificate-v2 hash':
      attrs.children[3]!.children[1]!.children[0]!.children[0]!.children[0]!.children[0]!
        .contentStart + 4,
    'sid serial': signerInfo.children[1]!.children[1]!.end - 1,
    'signer certificate subject': signerCert.children[0]!.children[5]!.end - 2,
    'signer certificate public key': signerCert.children[0]!.children[6]!.end - 40,
    'signer certificate signature': signerCert.end - 5,
  };
}

describe('OpenSSL as the independent verifier', () => {
  const rsa: SignedFixture = signedBy(pki.member);

  it('accepts a valid RSA opinion, with and without CRL checking', () => {
    expect(opensslAccepts(rsa)).toBe(true);
    expect(opensslAccepts(rsa, { crlCheck: true })).toBe(true);
  });

  it('accepts a valid ECDSA P-256 opinion', () => {
    expect(opensslAccepts(signedBy(pki.ecP256))).toBe(true);
  });

  it('rejects the signature after a single-bit change of the payload, at several positions (as we do)', async () => {
    const n = rsa.payloadBytes.length;
    for (const at of [0, 1, 17, 64, n >> 2, n >> 1, (3 * n) >> 2, n - 2, n - 1]) {
      const changed = { ...rsa, payloadBytes: flip(rsa.payloadBytes, at) };
      expect(opensslAccepts(changed), `payload byte ${at}`).toBe(false);
      expect(await codeOf(verify(changed))).toBe('PAYLOAD_MISMATCH');
    }
  });

  it('rejects the signature after a single-bit change in each meaningful part of the SignedData (as we do)', async () => {
    for (const [part, at] of Object.entries(landmarks(rsa.signatureDer))) {
      const changed = { ...rsa, signatureDer: flip(rsa.signatureDer, at) };
      expect(opensslAccepts(changed), part).toBe(false);
      expect(await codeOf(verify(changed)), part).not.toBe('OK');
    }
  });

  it('agrees on revoked, expired and foreign certificates', () => {
    expect(opensslAccepts(signedBy(pki.revoked), { crlCheck: true })).toBe(false);
    expect(opensslAccepts(signedBy(pki.expired))).toBe(false);
    expect(opensslAccepts(signedBy(pki.foreign))).toBe(false);
  });

  it('is laxer than our verifier about a changed copy of the CA certificate inside the SignedData', async () => {
    // OpenSSL takes the CA from -CAfile and ignores an altered copy carried in the message; we
    // refuse evidence with anything unexplained in it (EXTRA_CERTIFICATE).
    const tree = parseDer(rsa.signatureDer, { maxDepth: 32, maxNodes: 8192 });
    if (!tree.ok) throw new Error(tree.error.message);
    const certs = tree.value.children[1]!.children[0]!.children[3]!.children;
    const caCopy = certs.find((c) =>
      Buffer.from(rsa.signatureDer.subarray(c.start, c.end)).equals(pki.ca.certDer),
    )!;
    const changed = { ...rsa, signatureDer: flip(rsa.signatureDer, caCopy.end - 3) };
    expect(opensslAccepts(changed)).toBe(true);
    expect(await codeOf(verify(changed))).toBe('EXTRA_CERTIFICATE');
  });

  it('makes CMS that our verifier reads up to the one thing OpenSSL leaves out: signing-certificate-v2', async () => {
    const key = join(dir, 'member.key.pem');
    const cert = join(dir, 'member.cert.pem');
    const content = join(dir, 'openssl-payload.json');
    const out = join(dir, 'openssl.p7s');
    writeFileSync(key, pki.member.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    writeFileSync(cert, toPem(pki.member.certDer, 'CERTIFICATE'));
    writeFileSync(content, rsa.payloadBytes);
    const made = spawnSync('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-nosmimecap',
      '-outform',
      'DER',
      '-in',
      content,
      '-signer',
      cert,
      '-inkey',
      key,
      '-out',
      out,
    ]);
    expect(made.status).toBe(0);
    const { readFileSync } = await import('node:fs');
    const signatureDer = new Uint8Array(readFileSync(out));
    expect(await codeOf(verify({ payloadBytes: rsa.payloadBytes, signatureDer }))).toBe(
      'MISSING_SIGNING_CERT_V2',
    );
  });
});
