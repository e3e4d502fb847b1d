import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ext, issueCertificate, keyIdOf } from '../../../server/pki/certificateBuilder.ts';
import { issueCrl } from '../../../server/pki/crlBuilder.ts';
import { serialFor, type DevCa } from '../../../server/pki/devPki.ts';
import { createTrustStore } from '../../../server/src/opinions/verify/TrustStore.ts';
import { canonicalPayloadBytes } from '../../../shared/opinions/payload.ts';
import { buildCms } from './support/buildCms.ts';
import {
  RECEIVED,
  codeOf,
  memoryLookups,
  payloadFor,
  signedBy,
  verify,
} from './support/opinionFixture.ts';
import { NOW, issueTestSigner, testPki, type TestSigner } from './support/testPki.ts';

/** The signer certificate: chain, usage, validity and revocation at trusted time, binding. */
const pki = testPki();
const DAY = 86_400_000;

/** Signed with the test builder so the included chain can be chosen. */
function withChain(signer: TestSigner, chain: Uint8Array[]) {
  const payloadBytes = canonicalPayloadBytes(payloadFor(signer));
  return {
    payloadBytes,
    signatureDer: buildCms({ payload: payloadBytes, signer, chain, signingTime: NOW }),
  };
}

describe('validity and revocation at trusted time', () => {
  it('refuses expired, not-yet-valid and revoked certificates', async () => {
    expect(await codeOf(verify(signedBy(pki.expired)))).toBe('CERT_EXPIRED');
    expect(await codeOf(verify(signedBy(pki.notYetValid)))).toBe('CERT_NOT_YET_VALID');
    expect(await codeOf(verify(signedBy(pki.revoked)))).toBe('CERT_REVOKED');
  });

  it('decides validity on trusted time, not on the signing time the device claims', async () => {
    // Signed "yesterday" by the device clock, received after the certificate expired.
    const fixture = signedBy(pki.member);
    const afterExpiry = new Date(pki.members[0]!.notAfter.getTime() + DAY);
    const ballot = () => ({
      deadline: new Date(afterExpiry.getTime() + DAY),
      graceMs: 0,
      documents: fixture.payload.documents,
    });
    expect(
      await codeOf(
        verify(fixture, { trustedTime: afterExpiry, lookups: memoryLookups({ ballot }) }),
      ),
    ).toBe('CERT_EXPIRED');
  });

  it('fails closed without a current CRL (REVOCATION_UNKNOWN), unless the policy allows it', async () => {
    const noCrl = createTrustStore({ anchors: [pki.ca.certDer] });
    if (!noCrl.ok) throw new Error(noCrl.error.message);
    const fixture = signedBy(pki.member);
    expect(await codeOf(verify(fixture, { trust: noCrl.value }))).toBe('REVOCATION_UNKNOWN');
    expect(
      await codeOf(
        verify(fixture, { trust: noCrl.value, policy: { requireRevocationInfo: false } }),
      ),
    ).toBe('OK');
    // The dev CRL is current for 365 days; 400 days on, it is stale.
    const later = new Date(NOW.getTime() + 400 * DAY);
    const ballot = () => ({
      deadline: new Date(later.getTime() + DAY),
      graceMs: 0,
      documents: fixture.payload.documents,
    });
    expect(
      await codeOf(verify(fixture, { trustedTime: later, lookups: memoryLookups({ ballot }) })),
    ).toBe('REVOCATION_UNKNOWN');
  });
});

describe('the chain', () => {
  it('refuses a self-signed certificate, and a trust anchor used as a signer (SELF_SIGNED)', async () => {
    expect(await codeOf(verify(withChain(pki.selfSigned, [])))).toBe('SELF_SIGNED');
    const caAsSigner = {
      certDer: pki.ca.certDer,
      privateKey: pki.ca.privateKey,
      serialHex: serialFor('tests', 'ca'),
      sha256: '',
    };
    expect(await codeOf(verify(withChain(caAsSigner, [])))).toBe('SELF_SIGNED');
  });

  it('refuses a certificate from a foreign CA, with or without that CA in the SignedData (UNTRUSTED_CHAIN)', async () => {
    expect(await codeOf(verify(withChain(pki.foreign, [pki.foreignCa.certDer])))).toBe(
      'UNTRUSTED_CHAIN',
    );
    expect(await codeOf(verify(withChain(pki.foreign, [])))).toBe('UNTRUSTED_CHAIN');
  });

  it('refuses a certificate signed with SHA-1 by the CA (WEAK_ALGORITHM)', async () => {
    expect(await codeOf(verify(signedBy(pki.sha1Signed)))).toBe('WEAK_ALGORITHM');
  });

  it('refuses certificates in the SignedData that are not on the path (EXTRA_CERTIFICATE)', async () => {
    expect(
      await codeOf(verify(withChain(pki.member, [pki.ca.certDer, pki.foreignCa.certDer]))),
    ).toBe('EXTRA_CERTIFICATE');
    expect(await codeOf(verify(withChain(pki.member, [])))).toBe('OK'); // the anchor itself may be left out
  });

  it('builds a path through an intermediate CA carried in the SignedData, with its own CRL', async () => {
    const keys = pki.spareKey;
    const keyId = keyIdOf(keys.publicKey);
    const name = {
      commonName: 'eCabinet Test Issuing CA',
      organization: 'eCabinet tests',
      country: 'VN',
    };
    const certDer = issueCertificate({
      subject: name,
      publicKey: keys.publicKey,
      issuer: pki.ca.issuer,
      serialHex: serialFor('tests', 'intermediate'),
      notBefore: new Date(NOW.getTime() - DAY),
      notAfter: new Date(NOW.getTime() + 3 * 365 * DAY),
      extensions: [
        ext.basicConstraintsCa(0),
        ext.keyUsage([5, 6]),
        ext.subjectKeyId(keyId),
        ext.authorityKeyId(pki.ca.keyId),
      ],
    });
    const intermediate: DevCa = {
      name,
      certDer,
      privateKey: keys.privateKey,
      keyId,
      issuer: { name, privateKey: keys.privateKey, keyId },
    };
    const leaf = issueTestSigner(intermediate, {
      label: 'under-intermediate',
      keys: {
        privateKey: pki.member.privateKey,
        publicKey: createPublicKey(pki.member.privateKey),
      },
    });
    const fixture = withChain(leaf, [certDer]);
    expect(await codeOf(verify(fixture))).toBe('REVOCATION_UNKNOWN'); // no CRL from the issuing CA

    const crl = (revoked: string[]) =>
      issueCrl({
        issuerCertDer: certDer,
        issuerKey: keys.privateKey,
        thisUpdate: NOW,
        nextUpdate: new Date(NOW.getTime() + 30 * DAY),
        revoked: revoked.map((serialHex) => ({ serialHex, revokedAt: NOW })),
        crlNumber: 1,
        authorityKeyId: keyId,
      });
    const trust = createTrustStore({
      anchors: [pki.ca.certDer],
      intermediates: [certDer],
      crls: [pki.crlDer, crl([])],
    });
    if (!trust.ok) throw new Error(trust.error.message);
    expect(await codeOf(verify(fixture, { trust: trust.value, trustedTime: RECEIVED }))).toBe('OK');
    const revoking = createTrustStore({
      anchors: [pki.ca.certDer],
      intermediates: [certDer],
      crls: [pki.crlDer, crl([leaf.serialHex])],
    });
    if (!revoking.ok) throw new Error(revoking.error.message);
    expect(await codeOf(verify(fixture, { trust: revoking.value }))).toBe('CERT_REVOKED');
  });
});

describe('what the certificate allows', () => {
  it('needs digitalSignature or nonRepudiation (BAD_KEY_USAGE) and an allowed extKeyUsage', async () => {
    expect(await codeOf(verify(signedBy(pki.noSigningUsage)))).toBe('BAD_KEY_USAGE');
    expect(await codeOf(verify(signedBy(pki.clientAuthOnly)))).toBe('BAD_EXTENDED_KEY_USAGE');
  });

  it('refuses a critical extension it does not process (UNKNOWN_CRITICAL_EXTENSION)', async () => {
    expect(await codeOf(verify(signedBy(pki.unknownCritical)))).toBe('UNKNOWN_CRITICAL_EXTENSION');
  });
});

describe('binding to the member', () => {
  it('refuses a valid signature by a certificate not bound to this member (CERT_NOT_BOUND)', async () => {
    // Another member's valid certificate, signing an opinion in this member's name.
    expect(await codeOf(verify(signedBy(pki.otherMember)))).toBe('CERT_NOT_BOUND');
  });
});
