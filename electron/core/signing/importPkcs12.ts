import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { err, ok, type Result } from '../../../shared/util/result.ts';
import { certificateFields } from './certificateFields.ts';
import { Asn1ShapeError, parseAsn1, toBinary } from './forgeAsn1.ts';
import { macMatches, readPfx, type PfxParts } from './pkcs12Structure.ts';
import { readSafeBags } from './readSafeBags.ts';

/**
 * Opens a member's PKCS#12 (.p12/.pfx) with its password: the signing key (as a node:crypto
 * KeyObject, never exported), its certificate and chain. Pure: nothing is stored, so a failed
 * import leaves nothing behind. Every failure is a typed code with a message for the member.
 */
export type Pkcs12ErrorCode =
  /** Not a PKCS#12 file (or larger than any real one). */
  | 'NOT_PKCS12'
  | 'WRONG_PASSWORD'
  /** The password opens the key but the integrity MAC does not match: the file was changed. */
  | 'TAMPERED'
  /** No integrity MAC: the file cannot be checked for tampering (export it with a password). */
  | 'NO_MAC'
  | 'NO_KEY'
  /** More than one private key: which one signs would be a guess. */
  | 'MULTIPLE_KEYS'
  /** No certificate for the private key. */
  | 'NO_CERTIFICATE'
  /** A MAC, cipher, KDF or key type this app does not support (e.g. PBMAC1, Camellia, DSA). */
  | 'UNSUPPORTED_ALGORITHM';

export interface CertificateRef {
  readonly der: Uint8Array;
  readonly x509: X509Certificate;
  /** forge's view of the certificate; null for EC keys, which forge's X.509 reader refuses. */
  readonly forge: forge.pki.Certificate | null;
}

export interface SigningCredential {
  readonly privateKey: KeyObject;
  readonly keyType: 'rsa' | 'ec';
  readonly certificate: CertificateRef;
  /** CA certificates from the file, the signer's issuer first. */
  readonly chain: readonly CertificateRef[];
  /** Lower-case hex (the payload's `certSerial`). */
  readonly serial: string;
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the certificate DER, lower-case hex. */
  readonly sha256: string;
}

/** Real PKCS#12 files are a few KiB; anything this large is refused before parsing. */
export const MAX_PKCS12_BYTES = 1024 * 1024;

export function importPkcs12(
  bytes: Uint8Array,
  password: string,
): Result<SigningCredential, Pkcs12ErrorCode> {
  if (bytes.length === 0 || bytes.length > MAX_PKCS12_BYTES)
    return err('NOT_PKCS12', 'this is not a PKCS#12 certificate file');

  // 1. Structure and the integrity MAC.
  let pfx: PfxParts;
  try {
    pfx = readPfx(parseAsn1(bytes));
  } catch (error) {
    if (error instanceof Asn1ShapeError)
      return err('NOT_PKCS12', 'this is not a PKCS#12 certificate file');
    throw error;
  }
  if (pfx.publicKeyIntegrity)
    return err('UNSUPPORTED_ALGORITHM', 'PKCS#12 in public-key integrity mode is not supported');
  if (pfx.mac === null)
    return err('NO_MAC', 'the file has no integrity check; export it again with a password');
  const mac = pfx.mac;
  if (mac.hash === null)
    return err(
      'UNSUPPORTED_ALGORITHM',
      `the file's integrity algorithm (${mac.hashOid}) is not supported`,
    );
  const macOk = macMatches({ ...mac, hash: mac.hash }, pfx.authSafe, password);

  // 2. The bags. Read even when the MAC failed: a key that decrypts proves the password right.
  let bags: ReturnType<typeof readSafeBags>;
  try {
    bags = readSafeBags(pfx.authSafe, password);
  } catch (error) {
    if (!(error instanceof Asn1ShapeError)) throw error;
    return macOk
      ? err('NOT_PKCS12', 'the file is damaged')
      : err('WRONG_PASSWORD', 'the password is not correct');
  }
  if (!macOk) {
    return bags.keys.length > 0
      ? err('TAMPERED', 'the file has been changed since it was made (integrity check failed)')
      : err('WRONG_PASSWORD', 'the password is not correct');
  }
  if (bags.problem?.code === 'UNSUPPORTED_ALGORITHM')
    return err('UNSUPPORTED_ALGORITHM', bags.problem.message);
  if (bags.problem !== null && bags.keys.length === 0)
    return err('WRONG_PASSWORD', 'the key is protected by another password than the file');

  // 3. Exactly one key, of a type we sign with, and its certificate.
  if (bags.keys.length === 0) return err('NO_KEY', 'the file holds no private key');
  if (bags.keys.length > 1) return err('MULTIPLE_KEYS', 'the file holds more than one private key');
  const privateKey = bags.keys[0]!;
  const keyType = privateKey.asymmetricKeyType;
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  if (
    keyType !== 'rsa' &&
    !(keyType === 'ec' && (curve === 'prime256v1' || curve === 'secp384r1'))
  ) {
    return err(
      'UNSUPPORTED_ALGORITHM',
      `keys of type ${keyType ?? 'unknown'}${curve === undefined ? '' : ` (${curve})`} cannot sign opinions`,
    );
  }
  const certificates = bags.certificates.flatMap((der) => {
    const ref = certificateRef(der);
    return ref === null ? [] : [ref];
  });
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const leaf = certificates.find((c) =>
    c.x509.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKeyDer),
  );
  if (leaf === undefined)
    return err('NO_CERTIFICATE', 'the file holds no certificate for its private key');

  return ok({
    privateKey,
    keyType,
    certificate: leaf,
    chain: orderChain(
      leaf,
      certificates.filter((c) => c !== leaf),
    ),
    serial: certificateFields(leaf.der).serialHex,
    subject: leaf.x509.subject.replaceAll('\n', ', '),
    issuer: leaf.x509.issuer.replaceAll('\n', ', '),
    notBefore: new Date(leaf.x509.validFrom),
    notAfter: new Date(leaf.x509.validTo),
    sha256: leaf.x509.fingerprint256.replaceAll(':', '').toLowerCase(),
  });
}

function certificateRef(der: Uint8Array): CertificateRef | null {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
    certificateFields(der); // DER, with a positive serial
  } catch {
    return null;
  }
  let forgeCert: forge.pki.Certificate | null;
  try {
    forgeCert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinary(der)));
  } catch {
    forgeCert = null; // EC and other non-RSA keys
  }
  return { der, x509, forge: forgeCert };
}

/** Issuer links from the signer upward (by name and signature); unrelated certificates dropped. */
function orderChain(leaf: CertificateRef, rest: CertificateRef[]): CertificateRef[] {
  const chain: CertificateRef[] = [];
  let current = leaf;
  while (chain.length < rest.length) {
    const issuer = rest.find(
      (c) =>
        !chain.includes(c) &&
        current.x509.checkIssued(c.x509) &&
        current.x509.verify(c.x509.publicKey),
    );
    if (issuer === undefined || issuer === current) break;
    chain.push(issuer);
    if (issuer.x509.checkIssued(issuer.x509)) break; // self-signed root
    current = issuer;
  }
  return chain;
}
