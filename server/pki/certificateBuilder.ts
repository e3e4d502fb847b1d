import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../../shared/opinions/oids.ts';
import {
  asn1FromDer,
  asn1ToBytes,
  bitString,
  forgeExtras,
  integerHex,
  nullNode,
  octets,
  oidNode,
  seq,
} from './forgeExtras.ts';

/**
 * Issues X.509 v3 certificates for the development and test PKI. forge lays out the
 * TBSCertificate (names, validity, extensions); the real SubjectPublicKeyInfo (RSA or EC) and
 * the AlgorithmIdentifier are spliced in as DER, and the signature is made with node:crypto
 * (forge's JavaScript RSA is 20-50× slower and cannot sign with EC keys).
 */
export interface NameSpec {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  /** ISO 3166 alpha-2, e.g. "VN". */
  readonly country?: string;
}

export type SignatureHash = 'sha256' | 'sha384' | 'sha512' | 'sha1' | 'md5';

export interface Issuer {
  readonly name: NameSpec;
  readonly privateKey: KeyObject;
  /** Key identifier of the issuer's key (its SubjectKeyIdentifier), lower-case hex. */
  readonly keyId: string;
}

/** A forge extension object with its value already DER (forge then uses it as is). */
export interface ExtensionSpec {
  readonly id: string;
  readonly critical: boolean;
  readonly value: forge.asn1.Asn1;
}

export interface CertificateSpec {
  readonly subject: NameSpec;
  readonly publicKey: KeyObject;
  /** 'self' for a self-signed certificate, then `selfPrivateKey` signs. */
  readonly issuer: Issuer | 'self';
  readonly selfPrivateKey?: KeyObject;
  readonly serialHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: readonly ExtensionSpec[];
  /** Default sha256; sha1/md5 exist only to build refused certificates in tests. */
  readonly hash?: SignatureHash;
}

const RSA_SIGNATURE_OIDS: Record<SignatureHash, string> = {
  md5: OID.md5WithRSAEncryption,
  sha1: OID.sha1WithRSAEncryption,
  sha256: OID.sha256WithRSAEncryption,
  sha384: OID.sha384WithRSAEncryption,
  sha512: OID.sha512WithRSAEncryption,
};
const EC_SIGNATURE_OIDS: Partial<Record<SignatureHash, string>> = {
  sha1: OID.ecdsaWithSha1,
  sha256: OID.ecdsaWithSha256,
  sha384: OID.ecdsaWithSha384,
  sha512: OID.ecdsaWithSha512,
};

/** AlgorithmIdentifier for a signature by `key` with `hash` (RSA: NULL parameters; ECDSA: none). */
export function signatureAlgorithm(key: KeyObject, hash: SignatureHash): forge.asn1.Asn1 {
  if (key.asymmetricKeyType === 'rsa') return seq([oidNode(RSA_SIGNATURE_OIDS[hash]), nullNode()]);
  const oid = EC_SIGNATURE_OIDS[hash];
  if (key.asymmetricKeyType !== 'ec' || oid === undefined)
    throw new Error(`cannot sign with ${key.asymmetricKeyType} and ${hash}`);
  return seq([oidNode(oid)]);
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value, hex. */
export function keyIdOf(publicKey: KeyObject): string {
  const spki = asn1FromDer(publicKey.export({ type: 'spki', format: 'der' }));
  const bits = (spki.value as forge.asn1.Asn1[])[1]!.value as string;
  return createHash('sha1')
    .update(Buffer.from(bits.slice(1), 'binary'))
    .digest('hex');
}

/** @types/node-forge types `valueTagClass` as an asn1.Class; forge reads it as a universal Type. */
const valueTag = (type: forge.asn1.Type): forge.asn1.Class => type as number;

export function nameAttributes(name: NameSpec): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [];
  if (name.country !== undefined)
    attrs.push({
      shortName: 'C',
      value: name.country,
      valueTagClass: valueTag(forge.asn1.Type.PRINTABLESTRING),
    });
  if (name.organization !== undefined)
    attrs.push({
      shortName: 'O',
      value: name.organization,
      valueTagClass: valueTag(forge.asn1.Type.UTF8),
    });
  if (name.organizationalUnit !== undefined)
    attrs.push({
      shortName: 'OU',
      value: name.organizationalUnit,
      valueTagClass: valueTag(forge.asn1.Type.UTF8),
    });
  attrs.push({
    shortName: 'CN',
    value: name.commonName,
    valueTagClass: valueTag(forge.asn1.Type.UTF8),
  });
  return attrs;
}

/** Builds and signs a certificate; returns its DER. */
export function issueCertificate(spec: CertificateSpec): Uint8Array {
  const signer = spec.issuer === 'self' ? spec.selfPrivateKey : spec.issuer.privateKey;
  if (signer === undefined) throw new Error('a self-signed certificate needs selfPrivateKey');
  const issuerName = spec.issuer === 'self' ? spec.subject : spec.issuer.name;
  const hash = spec.hash ?? 'sha256';
  const algorithm = signatureAlgorithm(createPublicKey(signer), hash);

  // 1. forge lays out the TBSCertificate; its public key is a placeholder replaced below.
  const cert = forge.pki.createCertificate();
  cert.publicKey = PLACEHOLDER_KEY;
  cert.siginfo.algorithmOid = OID.sha256WithRSAEncryption; // replaced by `algorithm` below
  cert.serialNumber = spec.serialHex;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(nameAttributes(spec.subject));
  cert.setIssuer(nameAttributes(issuerName));
  cert.setExtensions(
    spec.extensions.map((e) => ({ id: e.id, critical: e.critical, value: e.value })),
  );
  const tbs = forgeExtras.pki.getTBSCertificate(cert);
  const fields = tbs.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject, spki, [3] extensions
  fields[1] = integerHex(spec.serialHex);
  fields[2] = algorithm;
  fields[6] = asn1FromDer(spec.publicKey.export({ type: 'spki', format: 'der' }));

  // 2. node:crypto signs the DER of the TBSCertificate.
  const tbsDer = asn1ToBytes(tbs);
  const signature = sign(hash, tbsDer, signer);
  return asn1ToBytes(seq([tbs, algorithm, bitString(signature)]));
}

/** Any RSA public key: forge needs one to lay out the TBS; it never reaches the output. */
const PLACEHOLDER_KEY = forge.pki.setRsaPublicKey(
  new forge.jsbn.BigInteger('c5', 16),
  new forge.jsbn.BigInteger('3', 16),
);

/** Extension helpers, values as DER. */
export const ext = {
  basicConstraintsCa: (pathLen?: number): ExtensionSpec => ({
    id: OID.basicConstraints,
    critical: true,
    value: seq([
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.BOOLEAN, false, '\u00ff'),
      ...(pathLen === undefined
        ? []
        : [
            forge.asn1.create(
              forge.asn1.Class.UNIVERSAL,
              forge.asn1.Type.INTEGER,
              false,
              forge.asn1.integerToDer(pathLen).getBytes(),
            ),
          ]),
    ]),
  }),
  /** bits: digitalSignature 0, nonRepudiation 1, keyEncipherment 2, keyCertSign 5, cRLSign 6. */
  keyUsage: (bits: readonly number[]): ExtensionSpec => {
    // Named BIT STRING in DER: trailing zero bits dropped, their count in the first octet.
    let value = 0;
    for (const b of bits) value |= 0x8000 >> b;
    const bytes =
      value === 0 ? [] : (value & 0xff) !== 0 ? [value >> 8, value & 0xff] : [value >> 8];
    const last = bytes[bytes.length - 1] ?? 1;
    let unused = 0;
    while (unused < 7 && (last & (1 << unused)) === 0) unused++;
    return {
      id: OID.keyUsage,
      critical: true,
      value: forge.asn1.create(
        forge.asn1.Class.UNIVERSAL,
        forge.asn1.Type.BITSTRING,
        false,
        String.fromCharCode(bytes.length === 0 ? 0 : unused, ...bytes),
      ),
    };
  },
  extKeyUsage: (purposes: readonly string[]): ExtensionSpec => ({
    id: OID.extKeyUsage,
    critical: false,
    value: seq(purposes.map(oidNode)),
  }),
  subjectKeyId: (keyIdHex: string): ExtensionSpec => ({
    id: OID.subjectKeyIdentifier,
    critical: false,
    value: octets(Buffer.from(keyIdHex, 'hex')),
  }),
  authorityKeyId: (keyIdHex: string): ExtensionSpec => ({
    id: OID.authorityKeyIdentifier,
    critical: false,
    value: seq([
      forge.asn1.create(
        forge.asn1.Class.CONTEXT_SPECIFIC,
        0,
        false,
        Buffer.from(keyIdHex, 'hex').toString('binary'),
      ),
    ]),
  }),
  /** Any extension (tests: an unknown critical one). */
  raw: (id: string, critical: boolean, value: forge.asn1.Asn1): ExtensionSpec => ({
    id,
    critical,
    value,
  }),
};
