import { err, ok, type Result } from '../../../../shared/util/result.ts';
import { parseDer, type DerLimits } from './der/parseDer.ts';
import { DerShapeError, toHex } from './der/derValues.ts';
import { checkSignedBy } from './x509/checkSignedBy.ts';
import { parseCertificate, KEY_USAGE, type ParsedCertificate } from './x509/parseCertificate.ts';
import { parseCrl, type ParsedCrl } from './x509/parseCrl.ts';

/**
 * The server's trust configuration, parsed and checked once (not per opinion): the trust
 * anchors (root CAs, e.g. the VGCA root), optional intermediate CAs, and CRLs whose signature
 * was verified against the CA that issued them. Rebuild it when the files change.
 */
export interface TrustStore {
  readonly anchors: readonly ParsedCertificate[];
  readonly intermediates: readonly ParsedCertificate[];
  /** Anchors by SHA-256 (an anchor is trusted by identity, not by name). */
  readonly anchorBySha256: ReadonlyMap<string, ParsedCertificate>;
  /** CA certificates (anchors and intermediates) by subject Name DER, hex. */
  readonly casBySubject: ReadonlyMap<string, readonly ParsedCertificate[]>;
  /** The newest verified CRL of each CA, by that CA certificate's SHA-256. */
  readonly crlByIssuerSha256: ReadonlyMap<string, ParsedCrl>;
}

export type TrustConfigCode =
  'BAD_ANCHOR' | 'BAD_INTERMEDIATE' | 'BAD_CRL' | 'CRL_ISSUER_UNKNOWN' | 'CRL_BAD_SIGNATURE';

export interface TrustConfig {
  /** DER certificates. */
  readonly anchors: readonly Uint8Array[];
  readonly intermediates?: readonly Uint8Array[];
  /** DER CRLs; each must be signed by one of the CAs above. */
  readonly crls?: readonly Uint8Array[];
}

const CERT_LIMITS: DerLimits = { maxDepth: 16, maxNodes: 4096 };
/** CRLs of a national CA can list hundreds of thousands of serials (5 TLVs per entry). */
const CRL_LIMITS: DerLimits = { maxDepth: 12, maxNodes: 5_000_000 };

export function createTrustStore(config: TrustConfig): Result<TrustStore, TrustConfigCode> {
  const anchors: ParsedCertificate[] = [];
  for (const [i, der] of config.anchors.entries()) {
    const cert = readCert(der);
    if (cert === null)
      return err('BAD_ANCHOR', `trust anchor #${i + 1} is not a DER X.509 v3 certificate`);
    if (!isCa(cert)) return err('BAD_ANCHOR', `trust anchor #${i + 1} is not a CA certificate`);
    anchors.push(cert);
  }
  const intermediates: ParsedCertificate[] = [];
  for (const [i, der] of (config.intermediates ?? []).entries()) {
    const cert = readCert(der);
    if (cert === null || !isCa(cert))
      return err('BAD_INTERMEDIATE', `intermediate #${i + 1} is not a CA certificate`);
    intermediates.push(cert);
  }

  const casBySubject = new Map<string, ParsedCertificate[]>();
  for (const ca of [...anchors, ...intermediates]) {
    const key = toHex(ca.subject);
    casBySubject.set(key, [...(casBySubject.get(key) ?? []), ca]);
  }

  const crlByIssuerSha256 = new Map<string, ParsedCrl>();
  for (const [i, der] of (config.crls ?? []).entries()) {
    const crl = readCrl(der);
    if (crl === null)
      return err('BAD_CRL', `CRL #${i + 1} is not a DER X.509 v2 CRL this verifier supports`);
    const issuers = (casBySubject.get(toHex(crl.issuer)) ?? []).filter(
      (ca) => ca.keyUsage === null || (ca.keyUsage & KEY_USAGE.cRLSign) !== 0,
    );
    if (issuers.length === 0)
      return err('CRL_ISSUER_UNKNOWN', `CRL #${i + 1} is issued by a CA that is not configured`);
    const issuer = issuers.find((ca) => checkSignedBy(crl, ca).ok);
    if (issuer === undefined)
      return err('CRL_BAD_SIGNATURE', `CRL #${i + 1} is not signed by its issuer's key`);
    const previous = crlByIssuerSha256.get(issuer.sha256);
    if (previous === undefined || previous.thisUpdate < crl.thisUpdate)
      crlByIssuerSha256.set(issuer.sha256, crl);
  }

  return ok({
    anchors,
    intermediates,
    anchorBySha256: new Map(anchors.map((a) => [a.sha256, a])),
    casBySubject,
    crlByIssuerSha256,
  });
}

const isCa = (cert: ParsedCertificate): boolean =>
  cert.basicConstraints?.ca === true &&
  (cert.keyUsage === null || (cert.keyUsage & KEY_USAGE.keyCertSign) !== 0);

function readCert(der: Uint8Array): ParsedCertificate | null {
  const parsed = parseDer(der.slice(), CERT_LIMITS); // a private copy: the views must not change under us
  if (!parsed.ok) return null;
  try {
    return parseCertificate(parsed.value);
  } catch (error) {
    if (error instanceof DerShapeError) return null;
    throw error;
  }
}

function readCrl(der: Uint8Array): ParsedCrl | null {
  const parsed = parseDer(der.slice(), CRL_LIMITS);
  if (!parsed.ok) return null;
  try {
    return parseCrl(parsed.value);
  } catch (error) {
    if (error instanceof DerShapeError) return null;
    throw error;
  }
}
