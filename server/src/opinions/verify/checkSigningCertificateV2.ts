import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import {
  classifyDigest,
  readAlgorithmId,
  type AlgorithmCode,
  type HashName,
} from './algorithms.ts';
import type { DerNode } from './der/parseDer.ts';
import {
  TAG,
  bytesEqual,
  encodingOf,
  expectTag,
  fail,
  readOctets,
  readPositiveIntegerHex,
} from './der/derValues.ts';
import type { ParsedCertificate } from './x509/parseCertificate.ts';

export type SigningCertCode = 'MISSING_SIGNING_CERT_V2' | 'SIGNING_CERT_MISMATCH' | AlgorithmCode;

/**
 * ESS signing-certificate-v2 (RFC 5035): the signer's certificate is itself signed, so it cannot
 * be substituted by another certificate for the same key. The first ESSCertIDv2 must be the
 * signer certificate: hash (SHA-256 by default) of its DER, and, when present, its issuer and
 * serial.
 */
export function checkSigningCertificateV2(
  value: DerNode | null,
  signer: ParsedCertificate,
): Result<true, SigningCertCode> {
  if (value === null)
    return err(
      'MISSING_SIGNING_CERT_V2',
      'no signing-certificate-v2 attribute (ESS v1 / none is not accepted)',
    );
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies OPTIONAL }
  const certs = expectTag(
    expectTag(value, TAG.SEQUENCE, 'SigningCertificateV2').children[0],
    TAG.SEQUENCE,
    'certs',
  );
  const first = expectTag(certs.children[0], TAG.SEQUENCE, 'ESSCertIDv2');

  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }
  const f = first.children;
  let i = 0;
  let hash: HashName = 'sha256';
  if (f[i]?.id === TAG.SEQUENCE) {
    const digest = classifyDigest(readAlgorithmId(f[i++], 'ESSCertIDv2.hashAlgorithm'));
    if (!digest.ok) return digest;
    hash = digest.value;
  }
  const certHash = readOctets(f[i++], 'certHash');
  if (!bytesEqual(certHash, createHash(hash).update(signer.der).digest())) {
    return err('SIGNING_CERT_MISMATCH', 'signing-certificate-v2 hashes another certificate');
  }
  if (f[i] !== undefined) {
    // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber }
    const issuerSerial = expectTag(f[i++], TAG.SEQUENCE, 'IssuerSerial').children;
    const names = expectTag(issuerSerial[0], TAG.SEQUENCE, 'GeneralNames').children;
    // directoryName [4] EXPLICIT Name
    const directory = names.find((n) => n.id === TAG.ctx(4));
    const issuerMatches =
      directory !== undefined &&
      directory.children[0] !== undefined &&
      bytesEqual(encodingOf(directory.children[0]), signer.issuer);
    if (
      !issuerMatches ||
      readPositiveIntegerHex(issuerSerial[1], 'serialNumber') !== signer.serialHex
    ) {
      return err('SIGNING_CERT_MISMATCH', 'signing-certificate-v2 names another issuer or serial');
    }
  }
  if (f[i] !== undefined) fail('ESSCertIDv2: trailing fields');
  return ok(true);
}
