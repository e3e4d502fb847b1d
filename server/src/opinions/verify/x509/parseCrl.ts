import { OID } from '../../../../../shared/opinions/oids.ts';
import { readAlgorithmId, type AlgorithmId } from '../algorithms.ts';
import type { DerNode } from '../der/parseDer.ts';
import {
  TAG,
  bytesEqual,
  encodingOf,
  expectTag,
  fail,
  readBitStringOctets,
  readBoolean,
  readOid,
  readPositiveIntegerHex,
  readSmallInteger,
  readTime,
} from '../der/derValues.ts';

/**
 * A complete X.509 v2 CRL (RFC 5280 §5), as the verifier uses it: who issued it, when it is
 * current, and the set of revoked serials (lower-case hex). Delta CRLs, indirect CRLs and
 * partitioned CRLs (any critical extension) are refused: this verifier would otherwise have to
 * guess what they do not cover.
 */
export interface ParsedCrl {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: AlgorithmId;
  readonly signature: Uint8Array;
  readonly issuer: Uint8Array;
  /** ms since the epoch. */
  readonly thisUpdate: number;
  /** ms since the epoch; null when the CRL names no next update (then it is never current). */
  readonly nextUpdate: number | null;
  readonly revoked: ReadonlySet<string>;
}

/** CRL extensions understood here; only these may be present at all when marked critical (none are). */
const KNOWN_CRL_EXTENSIONS = new Set<string>([OID.cRLNumber, OID.authorityKeyIdentifier]);

export function parseCrl(node: DerNode): ParsedCrl {
  // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue }
  const list = expectTag(node, TAG.SEQUENCE, 'CertificateList');
  if (list.children.length !== 3) fail('CertificateList: expected 3 fields');
  const [tbsNode, outerAlg, sigValue] = list.children as [DerNode, DerNode, DerNode];
  const f = expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertList').children;

  // TBSCertList ::= SEQUENCE { version (v2), signature, issuer, thisUpdate, nextUpdate,
  //                            revokedCertificates, [0] crlExtensions }
  let i = 0;
  if (f[i]?.id === TAG.INTEGER) {
    if (readSmallInteger(f[i++], 'version') !== 1) fail('only v2 CRLs are accepted');
  }
  const innerAlg = expectTag(f[i++], TAG.SEQUENCE, 'signature');
  if (!bytesEqual(encodingOf(innerAlg), encodingOf(outerAlg)))
    fail('inner and outer CRL signature algorithms differ');
  const issuer = encodingOf(expectTag(f[i++], TAG.SEQUENCE, 'issuer'));
  const thisUpdate = readTime(f[i++], 'thisUpdate');
  let nextUpdate: number | null = null;
  if (f[i]?.id === TAG.UTC_TIME || f[i]?.id === TAG.GENERALIZED_TIME)
    nextUpdate = readTime(f[i++], 'nextUpdate');

  const revoked = new Set<string>();
  if (f[i]?.id === TAG.SEQUENCE) {
    for (const entry of f[i++]!.children) {
      const parts = expectTag(entry, TAG.SEQUENCE, 'revokedCertificate').children;
      revoked.add(readPositiveIntegerHex(parts[0], 'userCertificate'));
      readTime(parts[1], 'revocationDate');
      // Entry extensions (reasonCode, invalidityDate) are informational; a critical one
      // (certificateIssuer: an indirect CRL) is not supported.
      if (parts[2] !== undefined) rejectCriticalExtensions(parts[2], new Set());
    }
  }
  if (f[i] !== undefined) {
    const exts = expectTag(f[i++], TAG.ctx(0), 'crlExtensions').children[0];
    rejectCriticalExtensions(exts, KNOWN_CRL_EXTENSIONS);
  }
  if (f[i] !== undefined) fail('TBSCertList: unexpected trailing fields');

  return {
    der: encodingOf(list),
    tbs: encodingOf(tbsNode),
    signatureAlgorithm: readAlgorithmId(outerAlg, 'signatureAlgorithm'),
    signature: readBitStringOctets(sigValue, 'signatureValue'),
    issuer,
    thisUpdate,
    nextUpdate,
    revoked,
  };
}

function rejectCriticalExtensions(node: DerNode | undefined, known: ReadonlySet<string>): void {
  for (const ext of expectTag(node, TAG.SEQUENCE, 'Extensions').children) {
    const parts = expectTag(ext, TAG.SEQUENCE, 'Extension').children;
    const oid = readOid(parts[0], 'extnID');
    if (parts.length === 3 && readBoolean(parts[1], 'critical') && !known.has(oid))
      fail(`unsupported critical CRL extension ${oid}`);
  }
}
