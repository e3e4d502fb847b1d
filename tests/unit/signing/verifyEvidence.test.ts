import { describe, expect, it } from 'vitest';
import { canonicalPayloadBytes } from '../../../shared/opinions/payload.ts';
import { OID } from '../../../shared/opinions/oids.ts';
import { buildCms, type CmsOptions } from './support/buildCms.ts';
import { codeOf, payloadFor, signedBy, verify } from './support/opinionFixture.ts';
import { NOW, testPki } from './support/testPki.ts';

/**
 * The evidence itself: bytes, CMS structure, algorithms, digest, signature, signed attributes.
 * Each refusal has its own code (shared/opinions/verifyCodes.ts).
 */
const pki = testPki();

/** A payload signed with the test CMS builder, so every knob can be turned. */
function cmsCase(options: Partial<CmsOptions> = {}, signer = pki.member) {
  const payloadBytes = canonicalPayloadBytes(payloadFor(signer));
  const signatureDer = buildCms({
    payload: payloadBytes,
    signer,
    chain: [pki.ca.certDer],
    signingTime: NOW,
    ...options,
  });
  return { payloadBytes, signatureDer };
}

describe('a valid opinion', () => {
  it('is accepted with its certificate, signing time and hashes', async () => {
    const fixture = signedBy(pki.member);
    const r = await verify(fixture);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      certSerial: pki.member.serialHex,
      certSha256: pki.member.sha256,
      signingTime: NOW,
      payload: fixture.payload,
    });
    expect(r.value.subject).toContain('CN=Nguyễn Văn An');
    expect(r.value.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.value.replayKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is accepted when made by the independent test builder (rsaEncryption as signatureAlgorithm)', async () => {
    expect(await codeOf(verify(cmsCase()))).toBe('OK');
  });
});

describe('bytes and structure', () => {
  it('rejects a flipped bit in every byte of the signature blob, each time with a typed code', async () => {
    const fixture = signedBy(pki.member);
    const der = fixture.signatureDer;
    for (let at = 0; at < der.length; at++) {
      const flipped = Uint8Array.from(der);
      flipped[at]! ^= 0x01;
      const code = await codeOf(verify({ ...fixture, signatureDer: flipped }));
      expect(code, `byte ${at}`).not.toBe('OK');
    }
    // A flip inside the RSA signature value itself is exactly BAD_SIGNATURE.
    const inSignature = Uint8Array.from(der);
    inSignature[der.length - 10]! ^= 0x01;
    expect(await codeOf(verify({ ...fixture, signatureDer: inSignature }))).toBe('BAD_SIGNATURE');
  });

  it('rejects a payload changed after signing (PAYLOAD_MISMATCH)', async () => {
    const fixture = signedBy(pki.member);
    for (const at of [0, 10, fixture.payloadBytes.length >> 1, fixture.payloadBytes.length - 2]) {
      const changed = Uint8Array.from(fixture.payloadBytes);
      changed[at]! ^= 0x02;
      expect(await codeOf(verify({ ...fixture, payloadBytes: changed }))).toBe('PAYLOAD_MISMATCH');
    }
    const other = Buffer.from(
      Buffer.from(fixture.payloadBytes)
        .toString('utf8')
        .replace('"choice":"other"', '"choice":"agree"'),
    );
    expect(await codeOf(verify({ ...fixture, payloadBytes: other }))).toBe('PAYLOAD_MISMATCH');
  });

  it('refuses oversized blobs before parsing (TOO_LARGE) and deep nesting while walking (TOO_DEEP)', async () => {
    const fixture = signedBy(pki.member);
    expect(await codeOf(verify({ ...fixture, signatureDer: new Uint8Array(64 * 1024 + 1) }))).toBe(
      'TOO_LARGE',
    );
    const nested = (depth: number): Uint8Array => {
      let inner = Buffer.from([0x05, 0x00]);
      for (let i = 0; i < depth; i++)
        inner = Buffer.concat([
          Buffer.from(inner.length < 0x80 ? [0x30, inner.length] : [0x30, 0x81, inner.length]),
          inner,
        ]);
      return inner;
    };
    expect(await codeOf(verify({ ...fixture, signatureDer: nested(60) }))).toBe('TOO_DEEP');
  });

  it('refuses BER and garbage as MALFORMED, and other CMS content types as NOT_SIGNED_DATA', async () => {
    const fixture = signedBy(pki.member);
    expect(
      await codeOf(
        verify({ ...fixture, signatureDer: Uint8Array.from([0x30, 0x80, 0x05, 0x00, 0x00, 0x00]) }),
      ),
    ).toBe('MALFORMED');
    expect(
      await codeOf(
        verify({ ...fixture, signatureDer: Uint8Array.from(Buffer.from('not a signature')) }),
      ),
    ).toBe('MALFORMED');
    expect(await codeOf(verify({ ...fixture, signatureDer: pki.member.certDer }))).toBe(
      'MALFORMED',
    );
    const envelopedData = Uint8Array.from([
      0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03, 0xa0, 0x00,
    ]);
    expect(await codeOf(verify({ ...fixture, signatureDer: envelopedData }))).toBe(
      'NOT_SIGNED_DATA',
    );
  });

  it('refuses attached content (ATTACHED_CONTENT) and a second signer (TWO_SIGNERS)', async () => {
    expect(await codeOf(verify(cmsCase({ attachContent: true })))).toBe('ATTACHED_CONTENT');
    expect(await codeOf(verify(cmsCase({ secondSigner: pki.otherMember })))).toBe('TWO_SIGNERS');
  });

  it('needs the signer certificate inside the SignedData (SIGNER_CERT_NOT_FOUND)', async () => {
    expect(await codeOf(verify(cmsCase({ includeCertificates: false })))).toBe(
      'SIGNER_CERT_NOT_FOUND',
    );
  });
});

describe('algorithms', () => {
  it('refuses MD5 and SHA-1 digests (WEAK_ALGORITHM)', async () => {
    expect(await codeOf(verify(cmsCase({ digest: 'md5' })))).toBe('WEAK_ALGORITHM');
    expect(await codeOf(verify(cmsCase({ digest: 'sha1' })))).toBe('WEAK_ALGORITHM');
    expect(await codeOf(verify(cmsCase({ signatureOid: OID.sha1WithRSAEncryption })))).toBe(
      'WEAK_ALGORITHM',
    );
  });

  it('accepts SHA-384; refuses RSASSA-PSS (UNSUPPORTED_ALGORITHM) and a digest/signature mismatch (ALGORITHM_MISMATCH)', async () => {
    expect(await codeOf(verify(cmsCase({ digest: 'sha384' })))).toBe('OK');
    expect(await codeOf(verify(cmsCase({ signatureOid: OID.rsassaPss })))).toBe(
      'UNSUPPORTED_ALGORITHM',
    );
    expect(await codeOf(verify(cmsCase({ signatureOid: OID.sha512WithRSAEncryption })))).toBe(
      'ALGORITHM_MISMATCH',
    );
    expect(await codeOf(verify(cmsCase({ signatureOid: OID.ecdsaWithSha256 })))).toBe(
      'ALGORITHM_MISMATCH',
    );
  });

  it('refuses RSA keys under 2048 bits (WEAK_KEY)', async () => {
    expect(await codeOf(verify(cmsCase({}, pki.rsa1024)))).toBe('WEAK_KEY');
  });
});

describe('signed attributes', () => {
  it('needs contentType, messageDigest and signingTime (MISSING_SIGNED_ATTRIBUTES), in DER order', async () => {
    for (const type of [OID.contentType, OID.messageDigest, OID.signingTime]) {
      expect(await codeOf(verify(cmsCase({ omitAttributes: [type] })))).toBe(
        'MISSING_SIGNED_ATTRIBUTES',
      );
    }
    expect(await codeOf(verify(cmsCase({ unsorted: true })))).toBe('MALFORMED');
    expect(await codeOf(verify(cmsCase({ contentTypeAttr: OID.signedData })))).toBe(
      'WRONG_CONTENT_TYPE',
    );
  });

  it('needs signing-certificate-v2 naming the signer certificate', async () => {
    expect(await codeOf(verify(cmsCase({ ess: 'missing' })))).toBe('MISSING_SIGNING_CERT_V2');
    expect(await codeOf(verify(cmsCase({ ess: 'v1-only' })))).toBe('MISSING_SIGNING_CERT_V2');
    expect(
      await codeOf(
        verify(cmsCase({ ess: 'other-cert', essOtherCertDer: pki.otherMember.certDer })),
      ),
    ).toBe('SIGNING_CERT_MISMATCH');
    expect(await codeOf(verify(cmsCase({ ess: 'wrong-serial' })))).toBe('SIGNING_CERT_MISMATCH');
    expect(await codeOf(verify(cmsCase({ ess: 'sha1-hash' })))).toBe('WEAK_ALGORITHM');
  });
});
