import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSignedOpinion } from '../../../electron/core/signing/createSignedOpinion.ts';
import { importPkcs12 } from '../../../electron/core/signing/importPkcs12.ts';
import { SigningError, signOpinion } from '../../../electron/core/signing/signOpinion.ts';
import { OID } from '../../../shared/opinions/oids.ts';
import {
  encodingOf,
  readOctets,
  readOid,
  toHex,
} from '../../../server/src/opinions/verify/der/derValues.ts';
import { parseDer, type DerNode } from '../../../server/src/opinions/verify/der/parseDer.ts';
import { parseSignedData } from '../../../server/src/opinions/verify/parseSignedData.ts';
import { readSignedAttributes } from '../../../server/src/opinions/verify/signedAttributes.ts';
import {
  BALLOT_ID,
  DEVICE_ID,
  DOCUMENTS,
  MEMBER_ID,
  codeOf,
  signedBy,
  verify as verifyFixture,
} from './support/opinionFixture.ts';
import { NOW, PASSWORD, testPki } from './support/testPki.ts';

const pki = testPki();

function structure(der: Uint8Array) {
  const tree = parseDer(der, { maxDepth: 32, maxNodes: 8192 });
  if (!tree.ok) throw new Error(tree.error.message);
  const cms = parseSignedData(tree.value);
  if (!cms.ok) throw new Error(cms.error.message);
  const attrs = readSignedAttributes(cms.value.signer.signedAttrs);
  if (!attrs.ok) throw new Error(attrs.error.message);
  return { cms: cms.value, attrs: attrs.value };
}

describe('signOpinion', () => {
  it('makes a strict-DER, detached SignedData with one signer and the four signed attributes', () => {
    const fixture = signedBy(pki.member);
    const { cms, attrs } = structure(fixture.signatureDer);
    expect(cms.certificates.map((c) => toHex(encodingOf(c))).sort()).toEqual(
      [toHex(pki.member.certDer), toHex(pki.ca.certDer)].sort(),
    );
    expect(cms.digestAlgorithms.map((a) => a.oid)).toEqual([OID.sha256]);
    expect(cms.signer.digestAlgorithm).toMatchObject({ oid: OID.sha256, params: undefined });
    expect(cms.signer.signatureAlgorithm.oid).toBe(OID.sha256WithRSAEncryption);
    expect(cms.signer.sid).toMatchObject({ kind: 'issuerSerial', serialHex: pki.member.serialHex });
    const types = (cms.signer.signedAttrs as DerNode).children.map((a) => readOid(a.children[0]));
    expect(new Set(types)).toEqual(
      new Set([OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2]),
    );
    expect(attrs.contentType).toBe(OID.data);
    expect(
      Buffer.from(attrs.messageDigest).equals(
        createHash('sha256').update(fixture.payloadBytes).digest(),
      ),
    ).toBe(true);
    expect(attrs.signingTime).toBe(NOW.getTime());
    // The signature covers the attributes as a SET OF, and node:crypto agrees.
    expect(verify('sha256', attrs.signedBytes, pki.member.privateKey, cms.signer.signature)).toBe(
      true,
    );
  });

  it('writes signing-certificate-v2 as SHA-256 of the certificate (hashAlgorithm omitted) with issuer and serial', () => {
    const { attrs } = structure(signedBy(pki.member).signatureDer);
    const essCertId = attrs.signingCertificateV2!.children[0]!.children[0]!;
    expect(essCertId.children[0]!.id).toBe(0x04); // certHash first: the DEFAULT sha256 is not encoded
    expect(toHex(readOctets(essCertId.children[0]))).toBe(pki.member.sha256);
    const issuerSerial = essCertId.children[1]!;
    expect(issuerSerial.children[0]!.children[0]!.id).toBe(0xa4); // directoryName [4]
  });

  it('signs with ECDSA P-256 keys (ecdsa-with-SHA256) and the verifier accepts it', async () => {
    const fixture = signedBy(pki.ecP256);
    expect(structure(fixture.signatureDer).cms.signer.signatureAlgorithm.oid).toBe(
      OID.ecdsaWithSha256,
    );
    expect(await codeOf(verifyFixture(fixture))).toBe('OK');
  });

  it('is deterministic for RSA (PKCS#1 v1.5) and uses GeneralizedTime from 2050', () => {
    const input = {
      payloadBytes: Uint8Array.from([1, 2, 3]),
      privateKey: pki.member.privateKey,
      certificateDer: pki.member.certDer,
      signingTime: NOW,
    };
    expect(Buffer.from(signOpinion(input)).equals(signOpinion(input))).toBe(true);
    const later = structure(
      signOpinion({ ...input, signingTime: new Date('2051-01-01T00:00:00Z') }),
    );
    expect(later.attrs.signingTime).toBe(Date.UTC(2051, 0, 1));
  });

  it('refuses keys the server would refuse (RSA < 2048, Ed25519, a public key)', () => {
    const base = {
      payloadBytes: new Uint8Array(1),
      certificateDer: pki.member.certDer,
      signingTime: NOW,
    };
    expect(() => signOpinion({ ...base, privateKey: pki.rsa1024.privateKey })).toThrow(
      SigningError,
    );
    expect(() =>
      signOpinion({ ...base, privateKey: generateKeyPairSync('ed25519').privateKey }),
    ).toThrow(SigningError);
    expect(() =>
      signOpinion({
        ...base,
        privateKey: generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey,
      }),
    ).toThrow(SigningError);
  });
});

describe('createSignedOpinion', () => {
  it('builds the payload from the credential (serial, NFC, nonce, whole-second signedAt) and signs it', async () => {
    const credential = importPkcs12(pki.members[0]!.p12, PASSWORD);
    if (!credential.ok) throw new Error(credential.error.message);
    const signed = createSignedOpinion({
      draft: {
        ballotId: BALLOT_ID,
        memberId: MEMBER_ID,
        choice: 'disagree',
        text: 'Không đồng ý'.normalize('NFD'),
        exceptions: [],
        documents: DOCUMENTS,
      },
      credential: credential.value,
      deviceId: DEVICE_ID,
      now: new Date(NOW.getTime() + 789),
    });
    expect(signed.payload).toMatchObject({
      certSerial: pki.members[0]!.serialHex,
      text: 'Không đồng ý'.normalize('NFC'),
      signedAt: NOW.toISOString(),
    });
    expect(signed.payload.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await codeOf(verifyFixture(signed))).toBe('OK');
  });
});
