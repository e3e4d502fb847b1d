import { createHmac, timingSafeEqual } from 'node:crypto';
import { OID } from '../../../shared/opinions/oids.ts';
import {
  Asn1ShapeError,
  Type,
  childrenOf,
  expectContext,
  expectUniversal,
  readCount,
  readOctets,
  readOid,
  type Asn1,
} from './forgeAsn1.ts';
import { MAX_KDF_ITERATIONS } from './pbeDecrypt.ts';
import { bmpPassword, kdfOutputSize, pkcs12Kdf, type Pkcs12KdfHash } from './pkcs12Kdf.ts';

/**
 * The outer PFX (RFC 7292 §4): version 3, an authSafe in password-integrity mode (id-data), and
 * the MacData. Shape problems throw Asn1ShapeError (NOT_PKCS12 at the caller).
 */
export interface PfxParts {
  /** The AuthenticatedSafe octets: what the MAC covers. */
  readonly authSafe: Uint8Array;
  readonly mac: MacParts | null;
  /** The authSafe is signedData (public-key integrity mode), which is not supported. */
  readonly publicKeyIntegrity: boolean;
}

export interface MacParts {
  /** null when the MAC algorithm is not one we compute (PBMAC1, MD5, ...). */
  readonly hash: Pkcs12KdfHash | null;
  readonly hashOid: string;
  readonly digest: Uint8Array;
  readonly salt: Uint8Array;
  readonly iterations: number;
}

const MAC_HASHES: Record<string, Pkcs12KdfHash> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function readPfx(root: Asn1): PfxParts {
  // PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL }
  const [version, authSafeInfo, macData, extra] = childrenOf(
    expectUniversal(root, Type.SEQUENCE, 'PFX'),
    'PFX',
  );
  if (readCount(version, 'PFX version') !== 3 || extra !== undefined)
    throw new Asn1ShapeError('not a PKCS#12 v3 PFX');
  const [contentType, content] = childrenOf(authSafeInfo, 'authSafe');
  const type = readOid(contentType, 'authSafe contentType');
  if (type === OID.signedData)
    return { authSafe: new Uint8Array(), mac: null, publicKeyIntegrity: true };
  if (type !== OID.data) throw new Asn1ShapeError('authSafe is not id-data');
  const authSafe = readOctets(
    childrenOf(expectContext(content, 0, 'authSafe content'), 'authSafe content')[0],
    'authSafe',
  );
  return {
    authSafe,
    mac: macData === undefined ? null : readMac(macData),
    publicKeyIntegrity: false,
  };
}

function readMac(node: Asn1): MacParts {
  // MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
  const [digestInfo, saltNode, iterationsNode] = childrenOf(node, 'MacData');
  const [algorithm, digestNode] = childrenOf(digestInfo, 'DigestInfo');
  const hashOid = readOid(childrenOf(algorithm, 'MAC algorithm')[0], 'MAC algorithm');
  return {
    hash: MAC_HASHES[hashOid] ?? null,
    hashOid,
    digest: readOctets(expectUniversal(digestNode, Type.OCTETSTRING, 'MAC digest'), 'MAC digest'),
    salt: readOctets(expectUniversal(saltNode, Type.OCTETSTRING, 'MAC salt'), 'MAC salt'),
    iterations: iterationsNode === undefined ? 1 : readCount(iterationsNode, 'MAC iterations'),
  };
}

/** True when the HMAC over the authSafe, keyed from `password`, matches (constant-time compare). */
export function macMatches(
  mac: MacParts & { hash: Pkcs12KdfHash },
  authSafe: Uint8Array,
  password: string,
): boolean {
  if (mac.iterations < 1 || mac.iterations > MAX_KDF_ITERATIONS) return false;
  const key = pkcs12Kdf(
    mac.hash,
    bmpPassword(password),
    mac.salt,
    3,
    mac.iterations,
    kdfOutputSize(mac.hash),
  );
  const expected = createHmac(mac.hash, key).update(authSafe).digest();
  return expected.length === mac.digest.length && timingSafeEqual(expected, mac.digest);
}
