import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../../../shared/opinions/oids.ts';
import {
  Asn1ShapeError,
  childrenOf,
  expectUniversal,
  fromBinary,
  readCount,
  readOctets,
  readOid,
  toBinary,
  Type,
  type Asn1,
} from './forgeAsn1.ts';
import { bmpPassword, pkcs12Kdf } from './pkcs12Kdf.ts';

/**
 * Password-based decryption of PKCS#12 contents, with node:crypto wherever OpenSSL 3's default
 * provider has the cipher:
 * - PBES2 (RFC 8018): PBKDF2 with HMAC-SHA-1/224/256/384/512 and AES-128/192/256-CBC or
 *   DES-EDE3-CBC: what `openssl pkcs12 -export` (3.x) and forge write;
 * - PKCS#12 PBE with 3-key triple DES (RFC 7292 App. C): older files' key bags;
 * - PKCS#12 PBE with RC2-40/128: older files' certificate bags (`-legacy`). RC2 lives in
 *   OpenSSL's legacy provider, which Electron does not load, so forge's RC2 decrypts them.
 * Anything else is UNSUPPORTED_ALGORITHM. A wrong password shows as DECRYPT_FAILED (bad CBC
 * padding), which the importer weighs against the MAC.
 */
export type DecryptCode = 'UNSUPPORTED_ALGORITHM' | 'DECRYPT_FAILED';

export class DecryptError extends Error {
  readonly code: DecryptCode;
  constructor(code: DecryptCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Upper bound on KDF iterations, so a hostile file cannot stall the app (OpenSSL writes 2048). */
export const MAX_KDF_ITERATIONS = 2_000_000;

const PBES2_CIPHERS: Record<string, { name: string; keyLength: number; ivLength: number }> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  [OID.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  [OID.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
  [OID.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
};
const PRF_HASHES: Record<string, string> = {
  [OID.hmacWithSha1]: 'sha1',
  [OID.hmacWithSha224]: 'sha224',
  [OID.hmacWithSha256]: 'sha256',
  [OID.hmacWithSha384]: 'sha384',
  [OID.hmacWithSha512]: 'sha512',
};

function iterations(node: Asn1 | undefined, what: string): number {
  const count = readCount(node, what);
  if (count < 1 || count > MAX_KDF_ITERATIONS)
    throw new DecryptError('UNSUPPORTED_ALGORITHM', `${what} of ${count} is out of bounds`);
  return count;
}

/** Decrypts `ciphertext` under the AlgorithmIdentifier `algorithm` with `password`. */
export function decryptWithPassword(
  algorithm: Asn1,
  ciphertext: Uint8Array,
  password: string,
): Buffer {
  const [oidNode, params] = childrenOf(algorithm, 'encryption AlgorithmIdentifier');
  const oid = readOid(oidNode, 'encryption algorithm');
  if (oid === OID.pbes2) return decryptPbes2(params, ciphertext, password);
  if (
    oid === OID.pbeWithShaAnd3KeyTripleDesCbc ||
    oid === OID.pbeWithShaAnd40BitRc2Cbc ||
    oid === OID.pbeWithShaAnd128BitRc2Cbc
  ) {
    return decryptPkcs12Pbe(oid, params, ciphertext, password);
  }
  throw new DecryptError('UNSUPPORTED_ALGORITHM', `encryption algorithm ${oid} is not supported`);
}

function decryptPbes2(params: Asn1 | undefined, ciphertext: Uint8Array, password: string): Buffer {
  // PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }
  const [kdf, scheme] = childrenOf(params, 'PBES2-params');
  const [kdfOid, kdfParams] = childrenOf(kdf, 'keyDerivationFunc');
  if (readOid(kdfOid, 'keyDerivationFunc') !== OID.pbkdf2)
    throw new DecryptError('UNSUPPORTED_ALGORITHM', 'PBES2 with a KDF other than PBKDF2');
  // PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount, keyLength OPTIONAL, prf DEFAULT hmacWithSHA1 }
  const fields = childrenOf(kdfParams, 'PBKDF2-params');
  const salt = readOctets(
    expectUniversal(fields[0], Type.OCTETSTRING, 'PBKDF2 salt'),
    'PBKDF2 salt',
  );
  const count = iterations(fields[1], 'PBKDF2 iterations');
  let i = 2;
  const keyLength =
    fields[i]?.type === Type.INTEGER ? readCount(fields[i++], 'PBKDF2 keyLength') : null;
  const prfOid =
    fields[i] === undefined
      ? OID.hmacWithSha1
      : readOid(childrenOf(fields[i], 'PBKDF2 prf')[0], 'PBKDF2 prf');
  const prf = PRF_HASHES[prfOid];
  if (prf === undefined)
    throw new DecryptError('UNSUPPORTED_ALGORITHM', `PBKDF2 PRF ${prfOid} is not supported`);

  const [schemeOid, ivNode] = childrenOf(scheme, 'encryptionScheme');
  const cipherOid = readOid(schemeOid, 'encryptionScheme');
  const cipher = PBES2_CIPHERS[cipherOid];
  if (cipher === undefined)
    throw new DecryptError('UNSUPPORTED_ALGORITHM', `PBES2 cipher ${cipherOid} is not supported`);
  const iv = readOctets(expectUniversal(ivNode, Type.OCTETSTRING, 'PBES2 IV'), 'PBES2 IV');
  if (iv.length !== cipher.ivLength || (keyLength !== null && keyLength !== cipher.keyLength))
    throw new Asn1ShapeError('PBES2 IV or key length does not fit the cipher');

  // PBES2 feeds PBKDF2 the password octets; OpenSSL (and our forge-made files) use UTF-8.
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, count, cipher.keyLength, prf);
  return runCipher(cipher.name, key, iv, ciphertext);
}

function decryptPkcs12Pbe(
  oid: string,
  params: Asn1 | undefined,
  ciphertext: Uint8Array,
  password: string,
): Buffer {
  // pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
  const [saltNode, countNode] = childrenOf(params, 'pkcs-12PbeParams');
  const salt = readOctets(expectUniversal(saltNode, Type.OCTETSTRING, 'PBE salt'), 'PBE salt');
  const count = iterations(countNode, 'PBE iterations');
  const bmp = bmpPassword(password);
  if (oid === OID.pbeWithShaAnd3KeyTripleDesCbc) {
    return runCipher(
      'des-ede3-cbc',
      pkcs12Kdf('sha1', bmp, salt, 1, count, 24),
      pkcs12Kdf('sha1', bmp, salt, 2, count, 8),
      ciphertext,
    );
  }
  const bits = oid === OID.pbeWithShaAnd40BitRc2Cbc ? 40 : 128;
  const rc2 = forge.rc2.createDecryptionCipher(
    toBinary(pkcs12Kdf('sha1', bmp, salt, 1, count, bits / 8)),
    bits,
  );
  rc2.start(toBinary(pkcs12Kdf('sha1', bmp, salt, 2, count, 8)));
  rc2.update(forge.util.createBuffer(toBinary(ciphertext)));
  if (!rc2.finish()) throw new DecryptError('DECRYPT_FAILED', 'bad padding after RC2 decryption');
  return Buffer.from(fromBinary(rc2.output.getBytes()));
}

function runCipher(name: string, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer {
  try {
    const decipher = createDecipheriv(name, key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new DecryptError('DECRYPT_FAILED', 'bad padding after decryption');
  }
}
