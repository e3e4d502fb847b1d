import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../../../../shared/util/result.ts';
import {
  classifyPublicKey,
  classifySignature,
  type AlgorithmCode,
  type AlgorithmId,
  type HashName,
  type PublicKeyInfo,
} from '../algorithms.ts';
import { DerShapeError, encodingOf } from '../der/derValues.ts';
import type { ParsedCertificate } from './parseCertificate.ts';

/**
 * Public keys of certificates, parsed once: anchors and the members' certificates come back
 * with every opinion. Keyed by the certificate's SHA-256; bounded so a flood of distinct
 * certificates cannot grow it without limit (it is then simply cleared).
 */
const KEY_CACHE_LIMIT = 4096;
const keyCache = new Map<string, { key: KeyObject; info: Result<PublicKeyInfo, AlgorithmCode> }>();

export function publicKeyOf(cert: ParsedCertificate): {
  key: KeyObject;
  info: Result<PublicKeyInfo, AlgorithmCode>;
} {
  let entry = keyCache.get(cert.sha256);
  if (entry === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    let key: KeyObject;
    try {
      key = createPublicKey({
        key: Buffer.from(encodingOf(cert.spki)),
        format: 'der',
        type: 'spki',
      });
    } catch {
      throw new DerShapeError('a certificate public key cannot be read'); // MALFORMED
    }
    entry = { key, info: classifyPublicKey(cert.spki) };
    keyCache.set(cert.sha256, entry);
  }
  return entry;
}

/** Signature check with node:crypto; a malformed signature value is a failed check, not a throw. */
export function verifyWith(
  hash: HashName,
  data: Uint8Array,
  key: KeyObject,
  signature: Uint8Array,
): boolean {
  try {
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}

export interface SignedObject {
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: AlgorithmId;
  readonly signature: Uint8Array;
}

/**
 * Was `signed` (a certificate or CRL) signed by `issuer`'s key, with an allowed algorithm and a
 * strong enough key? Algorithm problems come back as their own codes (WEAK_ALGORITHM, ...).
 */
export function checkSignedBy(
  signed: SignedObject,
  issuer: ParsedCertificate,
): Result<true, AlgorithmCode | 'BAD_SIGNATURE'> {
  const alg = classifySignature(signed.signatureAlgorithm, null);
  if (!alg.ok) return alg;
  const { key, info } = publicKeyOf(issuer);
  if (!info.ok) return info;
  if (info.value.kind !== alg.value.key)
    return err(
      'ALGORITHM_MISMATCH',
      `${alg.value.key} signature but ${info.value.kind} issuer key`,
    );
  if (!verifyWith(alg.value.hash, signed.tbs, key, signed.signature))
    return err('BAD_SIGNATURE', 'signature does not verify with the issuer key');
  return ok(true);
}
