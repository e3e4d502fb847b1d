import { OID } from '../../../../shared/opinions/oids.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import type { AlgorithmCode } from './algorithms.ts';
import { bytesEqual, toHex } from './der/derValues.ts';
import type { TrustStore } from './TrustStore.ts';
import { checkSignedBy } from './x509/checkSignedBy.ts';
import { KEY_USAGE, type ParsedCertificate } from './x509/parseCertificate.ts';

export type ChainCode =
  | AlgorithmCode
  | 'SELF_SIGNED'
  | 'UNTRUSTED_CHAIN'
  | 'UNKNOWN_CRITICAL_EXTENSION'
  | 'BAD_KEY_USAGE'
  | 'BAD_EXTENDED_KEY_USAGE'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  | 'REVOCATION_UNKNOWN'
  | 'CERT_REVOKED';

export interface ChainPolicy {
  /** Most CA certificates between the signer and the anchor (intermediates). */
  readonly maxIntermediates: number;
  /** extKeyUsage purposes that allow signing opinions (when the extension is present). */
  readonly allowedExtendedKeyUsages: ReadonlySet<string>;
  /** Fail closed when no current CRL covers a certificate (true in production). */
  readonly requireRevocationInfo: boolean;
}

/** Extensions this verifier processes or may safely ignore; any other critical one fails. */
const UNDERSTOOD_EXTENSIONS = new Set<string>([
  OID.keyUsage,
  OID.extKeyUsage,
  OID.basicConstraints,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.certificatePolicies,
  OID.crlDistributionPoints,
  OID.authorityInfoAccess,
]);

const isCa = (cert: ParsedCertificate): boolean =>
  cert.basicConstraints?.ca === true &&
  (cert.keyUsage === null || (cert.keyUsage & KEY_USAGE.keyCertSign) !== 0);

/**
 * RFC 5280 path validation, narrowed to what a signed opinion needs, at `atMs` (trusted time):
 * 1. build a path from the signer up to a configured anchor, through CA certificates from the
 *    trust store or the SignedData, each link's signature checked with node:crypto;
 * 2. every non-anchor certificate: no unknown critical extension;
 * 3. the signer: keyUsage digitalSignature or nonRepudiation, allowed extKeyUsage, not a CA,
 *    valid at trusted time;
 * 4. every non-anchor certificate: not on its issuer's current, verified CRL.
 * Returns the path, signer first and the anchor last.
 */
export function validateChain(
  leaf: ParsedCertificate,
  pool: readonly ParsedCertificate[],
  trust: TrustStore,
  atMs: number,
  policy: ChainPolicy,
): Result<readonly ParsedCertificate[], ChainCode> {
  // 1. Path building.
  if (trust.anchorBySha256.has(leaf.sha256))
    return err('SELF_SIGNED', 'a trust anchor itself cannot sign opinions');
  const path: ParsedCertificate[] = [leaf];
  for (let current = leaf; ;) {
    const candidates = [
      ...(trust.casBySubject.get(toHex(current.issuer)) ?? []),
      ...pool.filter((c) => !path.includes(c) && bytesEqual(c.subject, current.issuer)),
    ];
    let issuer: ParsedCertificate | undefined;
    let algorithmFailure: Result<never, AlgorithmCode> | undefined;
    for (const candidate of candidates) {
      const signed = checkSignedBy(current, candidate);
      if (signed.ok) {
        issuer = candidate;
        break;
      }
      if (signed.error.code !== 'BAD_SIGNATURE')
        algorithmFailure ??= err(signed.error.code, signed.error.message);
    }
    if (issuer === undefined) {
      if (algorithmFailure !== undefined) return algorithmFailure;
      if (current === leaf && leaf.selfIssued && checkSignedBy(leaf, leaf).ok)
        return err('SELF_SIGNED', 'the signer certificate is self-signed');
      return err('UNTRUSTED_CHAIN', 'no path to a configured trust anchor');
    }
    if (!isCa(issuer)) return err('UNTRUSTED_CHAIN', 'an issuer on the path is not a CA');
    const below = path.length - 1; // intermediates under this issuer
    if (issuer.basicConstraints?.pathLen != null && below > issuer.basicConstraints.pathLen)
      return err('UNTRUSTED_CHAIN', 'path length constraint exceeded');
    if (atMs < issuer.notBefore || atMs > issuer.notAfter)
      return err('UNTRUSTED_CHAIN', 'a CA certificate on the path is not valid at trusted time');
    path.push(issuer);
    if (trust.anchorBySha256.has(issuer.sha256)) break;
    if (path.length - 2 >= policy.maxIntermediates)
      return err('UNTRUSTED_CHAIN', 'path longer than allowed');
    current = issuer;
  }

  // 2. Critical extensions (anchors are configuration, not input).
  for (const cert of path.slice(0, -1)) {
    for (const [oid, ext] of cert.extensions) {
      if (ext.critical && !UNDERSTOOD_EXTENSIONS.has(oid))
        return err('UNKNOWN_CRITICAL_EXTENSION', `critical extension ${oid} is not processed`);
    }
  }

  // 3. The signer certificate.
  if (leaf.keyUsage === null) return err('BAD_KEY_USAGE', 'the signer certificate has no keyUsage');
  if ((leaf.keyUsage & (KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation)) === 0) {
    return err('BAD_KEY_USAGE', 'keyUsage allows neither digitalSignature nor nonRepudiation');
  }
  if (leaf.basicConstraints?.ca === true)
    return err('BAD_KEY_USAGE', 'a CA certificate cannot sign opinions');
  if (
    leaf.extKeyUsage !== null &&
    !leaf.extKeyUsage.some((p) => policy.allowedExtendedKeyUsages.has(p))
  ) {
    return err('BAD_EXTENDED_KEY_USAGE', 'extKeyUsage has no purpose that allows signing opinions');
  }
  if (atMs < leaf.notBefore)
    return err('CERT_NOT_YET_VALID', 'the signer certificate is not valid yet at trusted time');
  if (atMs > leaf.notAfter)
    return err('CERT_EXPIRED', 'the signer certificate had expired at trusted time');

  // 4. Revocation, for each certificate its issuer vouches for.
  for (let i = 0; i < path.length - 1; i++) {
    const cert = path[i]!;
    const crl = trust.crlByIssuerSha256.get(path[i + 1]!.sha256);
    const current =
      crl !== undefined &&
      crl.nextUpdate !== null &&
      atMs >= crl.thisUpdate &&
      atMs <= crl.nextUpdate;
    if (crl !== undefined && crl.revoked.has(cert.serialHex))
      return err(
        'CERT_REVOKED',
        i === 0 ? 'the signer certificate is revoked' : 'a CA certificate on the path is revoked',
      );
    if (!current && policy.requireRevocationInfo)
      return err('REVOCATION_UNKNOWN', 'no current CRL from the issuer');
  }
  return ok(path);
}
