import { createHash } from 'node:crypto';
import { OID } from '../../../../../shared/opinions/oids.ts';
import { readAlgorithmId, type AlgorithmId } from '../algorithms.ts';
import { parseDer, type DerLimits, type DerNode } from '../der/parseDer.ts';
import {
  TAG,
  bytesEqual,
  encodingOf,
  expectTag,
  fail,
  readBitStringOctets,
  readBoolean,
  readNamedBits,
  readOctets,
  readOid,
  readPositiveIntegerHex,
  readSmallInteger,
  readTime,
  toHex,
} from '../der/derValues.ts';

/**
 * The X.509 v3 fields the opinion verifier decides on, read from an already bounded DER tree
 * (RFC 5280 §4.1). Views into the source bytes, no copies. Any shape error throws
 * `DerShapeError` (the caller answers MALFORMED).
 */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  /** SHA-256 of the DER, lower-case hex: the certificate's identity for binding and caches. */
  readonly sha256: string;
  readonly tbs: Uint8Array;
  readonly serialHex: string;
  readonly signatureAlgorithm: AlgorithmId;
  readonly signature: Uint8Array;
  /** DER of the issuer and subject Names (compared octet-wise, as RFC 5280 §7.1 allows). */
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  /** ms since the epoch, inclusive bounds. */
  readonly notBefore: number;
  readonly notAfter: number;
  readonly spki: DerNode;
  readonly extensions: ReadonlyMap<
    string,
    { readonly critical: boolean; readonly value: Uint8Array }
  >;
  /** keyUsage bits (bit n = 1 << n: digitalSignature 0, nonRepudiation 1, keyCertSign 5, cRLSign 6); null when absent. */
  readonly keyUsage: number | null;
  /** extKeyUsage purposes; null when absent. */
  readonly extKeyUsage: readonly string[] | null;
  readonly basicConstraints: { readonly ca: boolean; readonly pathLen: number | null } | null;
  readonly subjectKeyId: string | null;
  /** issuer === subject (octet-wise). Self-signed is checked with the key, not assumed. */
  readonly selfIssued: boolean;
}

export const KEY_USAGE = {
  digitalSignature: 1 << 0,
  nonRepudiation: 1 << 1,
  keyCertSign: 1 << 5,
  cRLSign: 1 << 6,
} as const;

/** Limits for one extension value: they are small, flat structures. */
const EXTENSION_LIMITS: DerLimits = { maxDepth: 8, maxNodes: 512 };

export function parseCertificate(node: DerNode): ParsedCertificate {
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
  const cert = expectTag(node, TAG.SEQUENCE, 'Certificate');
  if (cert.children.length !== 3) fail('Certificate: expected 3 fields');
  const [tbsNode, outerAlg, sigValue] = cert.children as [DerNode, DerNode, DerNode];
  const tbsSeq = expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertificate');

  // TBSCertificate ::= SEQUENCE { [0] version, serial, signature, issuer, validity, subject,
  //                               spki, [1] issuerUID, [2] subjectUID, [3] extensions }
  const f = tbsSeq.children;
  const versionNode = expectTag(f[0], TAG.ctx(0), 'version');
  if (readSmallInteger(versionNode.children[0], 'version') !== 2)
    fail('only X.509 v3 certificates are accepted');
  const serialHex = readPositiveIntegerHex(f[1], 'serialNumber');
  const signatureAlgorithm = readAlgorithmId(outerAlg, 'signatureAlgorithm');
  if (!bytesEqual(encodingOf(expectTag(f[2], TAG.SEQUENCE, 'signature')), encodingOf(outerAlg)))
    fail('inner and outer signature algorithms differ');
  const issuer = encodingOf(expectTag(f[3], TAG.SEQUENCE, 'issuer'));
  const validity = expectTag(f[4], TAG.SEQUENCE, 'validity');
  if (validity.children.length !== 2) fail('validity: expected 2 times');
  const notBefore = readTime(validity.children[0], 'notBefore');
  const notAfter = readTime(validity.children[1], 'notAfter');
  const subject = encodingOf(expectTag(f[5], TAG.SEQUENCE, 'subject'));
  const spki = expectTag(f[6], TAG.SEQUENCE, 'subjectPublicKeyInfo');

  let index = 7;
  while (
    f[index] !== undefined &&
    (f[index]!.id === TAG.ctxPrimitive(1) || f[index]!.id === TAG.ctxPrimitive(2))
  )
    index++;
  const extensions = new Map<string, { critical: boolean; value: Uint8Array }>();
  const extsWrapper = f[index];
  if (extsWrapper !== undefined) {
    const exts = expectTag(
      expectTag(extsWrapper, TAG.ctx(3), 'extensions').children[0],
      TAG.SEQUENCE,
      'Extensions',
    );
    for (const ext of exts.children) {
      const parts = expectTag(ext, TAG.SEQUENCE, 'Extension').children;
      const oid = readOid(parts[0], 'extnID');
      const hasCritical = parts.length === 3;
      const critical = hasCritical ? readBoolean(parts[1], 'critical') : false;
      // DER: a DEFAULT FALSE value is never encoded.
      if (hasCritical && !critical) fail('critical FALSE encoded (not DER)');
      if (extensions.has(oid)) fail(`extension ${oid} repeated`);
      extensions.set(oid, { critical, value: readOctets(parts[hasCritical ? 2 : 1], 'extnValue') });
    }
    if (f[index + 1] !== undefined) fail('TBSCertificate: unexpected trailing fields');
  }

  return {
    der: encodingOf(cert),
    sha256: createHash('sha256').update(encodingOf(cert)).digest('hex'),
    tbs: encodingOf(tbsSeq),
    serialHex,
    signatureAlgorithm,
    signature: readBitStringOctets(sigValue, 'signatureValue'),
    issuer,
    subject,
    notBefore,
    notAfter,
    spki,
    extensions,
    keyUsage: ext(extensions, OID.keyUsage, (n) => readNamedBits(n, 'keyUsage')),
    extKeyUsage: ext(extensions, OID.extKeyUsage, (n) =>
      expectTag(n, TAG.SEQUENCE, 'extKeyUsage').children.map((c) => readOid(c, 'KeyPurposeId')),
    ),
    basicConstraints: ext(extensions, OID.basicConstraints, readBasicConstraints),
    subjectKeyId: ext(extensions, OID.subjectKeyIdentifier, (n) =>
      toHex(readOctets(n, 'subjectKeyIdentifier')),
    ),
    selfIssued: bytesEqual(issuer, subject),
  };
}

/** Parses one extension value with its own small walker (it is DER inside an OCTET STRING). */
function ext<T>(
  extensions: Map<string, { value: Uint8Array }>,
  oid: string,
  read: (node: DerNode) => T,
): T | null {
  const found = extensions.get(oid);
  if (found === undefined) return null;
  const parsed = parseDer(found.value, EXTENSION_LIMITS);
  if (!parsed.ok) fail(`extension ${oid}: ${parsed.error.message}`);
  return read(parsed.value);
}

function readBasicConstraints(node: DerNode): { ca: boolean; pathLen: number | null } {
  const parts = expectTag(node, TAG.SEQUENCE, 'basicConstraints').children;
  let i = 0;
  let ca = false;
  if (parts[i]?.id === TAG.BOOLEAN) {
    ca = readBoolean(parts[i++], 'cA');
    if (!ca) fail('cA FALSE encoded (not DER)');
  }
  const pathLen = parts[i] === undefined ? null : readSmallInteger(parts[i++], 'pathLenConstraint');
  if (parts[i] !== undefined) fail('basicConstraints: trailing fields');
  return { ca, pathLen };
}
