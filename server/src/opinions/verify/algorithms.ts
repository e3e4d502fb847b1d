import { OID } from '../../../../shared/opinions/oids.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import { parseDer, type DerNode } from './der/parseDer.ts';
import { TAG, contentOf, expectTag, fail, readBitStringOctets, readOid } from './der/derValues.ts';

/**
 * The algorithm allow-list: SHA-256/384/512 digests; RSA PKCS#1 v1.5 with ≥ 2048-bit keys or
 * ECDSA on P-256/P-384. MD5 and SHA-1 are WEAK_ALGORITHM wherever they appear (CMS digest,
 * CMS signature, certificate and CRL signatures, ESS cert hash). Anything else, including
 * RSASSA-PSS and other curves, is UNSUPPORTED_ALGORITHM: not known to be broken, but not
 * something this verifier has been tested with.
 */
export type HashName = 'sha256' | 'sha384' | 'sha512';
export type KeyKind = 'rsa' | 'ec';
export type AlgorithmCode =
  'WEAK_ALGORITHM' | 'UNSUPPORTED_ALGORITHM' | 'ALGORITHM_MISMATCH' | 'WEAK_KEY';

/** Smallest RSA modulus accepted, bits. */
export const MIN_RSA_BITS = 2048;

export interface AlgorithmId {
  readonly oid: string;
  /** The parameters TLV, if present. */
  readonly params: DerNode | undefined;
}

export function readAlgorithmId(node: DerNode | undefined, what: string): AlgorithmId {
  const seq = expectTag(node, TAG.SEQUENCE, what);
  if (seq.children.length < 1 || seq.children.length > 2) fail(`${what}: bad AlgorithmIdentifier`);
  return { oid: readOid(seq.children[0], what), params: seq.children[1] };
}

const DIGESTS: Record<string, HashName> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
const WEAK_DIGESTS = new Set<string>([OID.md5, OID.sha1]);

const SIGNATURES: Record<string, { key: KeyKind; hash: HashName | null }> = {
  /** rsaEncryption as a CMS signatureAlgorithm: the hash is the SignerInfo's digestAlgorithm. */
  [OID.rsaEncryption]: { key: 'rsa', hash: null },
  [OID.sha256WithRSAEncryption]: { key: 'rsa', hash: 'sha256' },
  [OID.sha384WithRSAEncryption]: { key: 'rsa', hash: 'sha384' },
  [OID.sha512WithRSAEncryption]: { key: 'rsa', hash: 'sha512' },
  [OID.ecdsaWithSha256]: { key: 'ec', hash: 'sha256' },
  [OID.ecdsaWithSha384]: { key: 'ec', hash: 'sha384' },
  [OID.ecdsaWithSha512]: { key: 'ec', hash: 'sha512' },
};
const WEAK_SIGNATURES = new Set<string>([
  OID.md5WithRSAEncryption,
  OID.sha1WithRSAEncryption,
  OID.ecdsaWithSha1,
]);

const isNull = (params: DerNode | undefined): boolean =>
  params !== undefined && params.id === TAG.NULL && params.end === params.contentStart;

/** A digest AlgorithmIdentifier (parameters absent or NULL, RFC 5754 §2). */
export function classifyDigest(alg: AlgorithmId): Result<HashName, AlgorithmCode> {
  if (WEAK_DIGESTS.has(alg.oid))
    return err('WEAK_ALGORITHM', `digest ${alg.oid} is not collision-resistant`);
  const hash = DIGESTS[alg.oid];
  if (hash === undefined)
    return err('UNSUPPORTED_ALGORITHM', `digest ${alg.oid} is not on the allow-list`);
  if (alg.params !== undefined && !isNull(alg.params))
    return err('UNSUPPORTED_ALGORITHM', 'digest with parameters');
  return ok(hash);
}

/**
 * A signature AlgorithmIdentifier. For RSA the parameters must be NULL (RFC 4055 §5; absent is
 * tolerated as OpenSSL and others emit it); for ECDSA they must be absent (RFC 5758 §3.2).
 * `digest` is the hash to use with rsaEncryption (CMS only); null where none applies.
 */
export function classifySignature(
  alg: AlgorithmId,
  digest: HashName | null,
): Result<{ key: KeyKind; hash: HashName }, AlgorithmCode> {
  if (WEAK_SIGNATURES.has(alg.oid))
    return err('WEAK_ALGORITHM', `signature algorithm ${alg.oid} uses MD5 or SHA-1`);
  const known = SIGNATURES[alg.oid];
  if (known === undefined)
    return err('UNSUPPORTED_ALGORITHM', `signature algorithm ${alg.oid} is not on the allow-list`);
  const paramsOk =
    known.key === 'rsa' ? alg.params === undefined || isNull(alg.params) : alg.params === undefined;
  if (!paramsOk) return err('UNSUPPORTED_ALGORITHM', 'unexpected signature algorithm parameters');
  const hash = known.hash ?? digest;
  if (hash === null)
    return err('UNSUPPORTED_ALGORITHM', 'rsaEncryption without a digest algorithm');
  if (digest !== null && hash !== digest)
    return err('ALGORITHM_MISMATCH', `digest ${digest} but signature with ${hash}`);
  return ok({ key: known.key, hash });
}

export interface PublicKeyInfo {
  readonly kind: KeyKind;
  /** RSA modulus bits, or the curve's field size (256, 384). */
  readonly bits: number;
  readonly curve: string | null;
}

/** Reads the key type and strength from a SubjectPublicKeyInfo and applies the allow-list. */
export function classifyPublicKey(spki: DerNode): Result<PublicKeyInfo, AlgorithmCode> {
  const seq = expectTag(spki, TAG.SEQUENCE, 'SubjectPublicKeyInfo');
  const alg = readAlgorithmId(seq.children[0], 'SubjectPublicKeyInfo.algorithm');
  const key = readBitStringOctets(seq.children[1], 'subjectPublicKey');
  if (alg.oid === OID.rsaEncryption) {
    const bits = rsaModulusBits(key);
    if (bits < MIN_RSA_BITS)
      return err('WEAK_KEY', `RSA key of ${bits} bits (minimum ${MIN_RSA_BITS})`);
    return ok({ kind: 'rsa', bits, curve: null });
  }
  if (alg.oid === OID.ecPublicKey) {
    const curve = readOid(alg.params, 'EC curve');
    if (curve === OID.prime256v1) return ok({ kind: 'ec', bits: 256, curve });
    if (curve === OID.secp384r1) return ok({ kind: 'ec', bits: 384, curve });
    return err('UNSUPPORTED_ALGORITHM', `EC curve ${curve} is not on the allow-list`);
  }
  return err('UNSUPPORTED_ALGORITHM', `public key algorithm ${alg.oid} is not on the allow-list`);
}

/** Bit length of the modulus in an RSAPublicKey ::= SEQUENCE { modulus, publicExponent }. */
function rsaModulusBits(rsaPublicKey: Uint8Array): number {
  const parsed = parseDer(rsaPublicKey, { maxDepth: 2, maxNodes: 3 });
  if (!parsed.ok) fail('RSAPublicKey is not DER');
  const seq = expectTag(parsed.value, TAG.SEQUENCE, 'RSAPublicKey');
  const modulus = contentOf(expectTag(seq.children[0], TAG.INTEGER, 'modulus'));
  let start = 0;
  while (start < modulus.length && modulus[start] === 0) start++;
  const top = modulus[start];
  if (top === undefined) return 0;
  return (modulus.length - start - 1) * 8 + (32 - Math.clz32(top));
}
