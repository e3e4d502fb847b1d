import { createPrivateKey, type KeyObject } from 'node:crypto';
import { OID } from '../../../shared/opinions/oids.ts';
import {
  Type,
  childrenOf,
  encodeAsn1,
  expectContext,
  expectUniversal,
  parseAsn1,
  readOctets,
  readOid,
  type Asn1,
} from './forgeAsn1.ts';
import { DecryptError, decryptWithPassword } from './pbeDecrypt.ts';

/**
 * The bags inside an AuthenticatedSafe (RFC 7292 §4.1-4.2): private keys (plain or shrouded
 * PKCS#8) and X.509 certificates, decrypting encryptedData and shrouded keys with `password`.
 * Every content is attempted, so a wrong password (nothing decrypts) can be told apart from a
 * tampered file (the key decrypts but the MAC fails). Decrypted key octets are wiped once
 * node:crypto holds the key.
 */
export interface SafeBags {
  readonly keys: KeyObject[];
  readonly certificates: Uint8Array[];
  /** The first decryption problem met, if any (contents after it were still read). */
  readonly problem: DecryptError | null;
}

export function readSafeBags(authSafe: Uint8Array, password: string): SafeBags {
  const bags: SafeBags & { problem: DecryptError | null } = {
    keys: [],
    certificates: [],
    problem: null,
  };
  // AuthenticatedSafe ::= SEQUENCE OF ContentInfo
  for (const info of childrenOf(parseAsn1(authSafe), 'AuthenticatedSafe')) {
    const [typeNode, content] = childrenOf(info, 'ContentInfo');
    const type = readOid(typeNode, 'ContentInfo type');
    const inner = childrenOf(
      expectContext(content, 0, 'ContentInfo content'),
      'ContentInfo content',
    )[0];
    let safeContents: Uint8Array;
    if (type === OID.data) {
      safeContents = readOctets(inner, 'SafeContents');
    } else if (type === OID.encryptedData) {
      // EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { type, algorithm, [0] IMPLICIT octets } }
      const [, encryptedContentInfo] = childrenOf(inner, 'EncryptedData');
      const [, algorithm, encrypted] = childrenOf(encryptedContentInfo, 'EncryptedContentInfo');
      try {
        safeContents = decryptWithPassword(
          algorithm!,
          readOctets(expectContext(encrypted, 0, 'encryptedContent'), 'encryptedContent'),
          password,
        );
      } catch (error) {
        if (!(error instanceof DecryptError)) throw error;
        bags.problem ??= error;
        continue;
      }
    } else {
      bags.problem ??= new DecryptError(
        'UNSUPPORTED_ALGORITHM',
        `content type ${type} (public-key privacy mode) is not supported`,
      );
      continue;
    }
    readBags(parseAsn1(safeContents), password, bags);
  }
  return bags;
}

function readBags(
  safeContents: Asn1,
  password: string,
  bags: SafeBags & { problem: DecryptError | null },
): void {
  // SafeBag ::= SEQUENCE { bagId, [0] EXPLICIT bagValue, bagAttributes SET OPTIONAL }
  for (const bag of childrenOf(safeContents, 'SafeContents')) {
    const [idNode, valueWrapper] = childrenOf(bag, 'SafeBag');
    const id = readOid(idNode, 'bagId');
    const value = childrenOf(expectContext(valueWrapper, 0, 'bagValue'), 'bagValue')[0];
    if (id === OID.certBag) {
      // CertBag ::= SEQUENCE { certId, [0] EXPLICIT certValue OCTET STRING }
      const [certId, certValue] = childrenOf(value, 'CertBag');
      if (readOid(certId, 'certId') !== OID.x509Certificate) continue; // SDSI certificates: ignored
      bags.certificates.push(
        readOctets(
          expectUniversal(
            childrenOf(expectContext(certValue, 0, 'certValue'), 'certValue')[0],
            Type.OCTETSTRING,
            'certValue',
          ),
          'certValue',
        ),
      );
    } else if (id === OID.keyBag) {
      addKey(Buffer.from(encodeAsn1(value!)), bags); // PrivateKeyInfo, as a parsed tree
    } else if (id === OID.pkcs8ShroudedKeyBag) {
      // EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING }
      const [algorithm, data] = childrenOf(value, 'EncryptedPrivateKeyInfo');
      try {
        addKey(
          decryptWithPassword(
            algorithm!,
            readOctets(expectUniversal(data, Type.OCTETSTRING, 'encryptedData'), 'encryptedData'),
            password,
          ),
          bags,
        );
      } catch (error) {
        if (!(error instanceof DecryptError)) throw error;
        bags.problem ??= error;
      }
    }
    // CRL, secret and nested bags carry nothing a signer needs.
  }
}

function addKey(pkcs8: Buffer, bags: SafeBags & { problem: DecryptError | null }): void {
  try {
    bags.keys.push(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
  } catch {
    // Garbage that happened to have valid padding: a wrong password.
    bags.problem ??= new DecryptError('DECRYPT_FAILED', 'the decrypted key is not PKCS#8');
  } finally {
    pkcs8.fill(0);
  }
}
