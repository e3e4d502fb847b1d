import { createHash, sign, type KeyObject } from 'node:crypto';
import { OID } from '../../../shared/opinions/oids.ts';
import { certificateFields } from './certificateFields.ts';
import {
  contextConstructed,
  encodeAsn1,
  nullNode,
  octetString,
  oidNode,
  sequence,
  set,
  smallInteger,
  sortForSet,
  timeNode,
  type Asn1,
} from './forgeAsn1.ts';

/**
 * Signs opinion payload bytes as a detached CMS SignedData (RFC 5652), DER:
 * - digest SHA-256; signed attributes contentType (id-data), signingTime, messageDigest and
 *   ESS signing-certificate-v2 (RFC 5035: SHA-256 of the signer certificate, hashAlgorithm
 *   omitted as its DEFAULT, plus issuer and serial), in DER SET OF order;
 * - signature by node:crypto over the DER of that SET: RSA PKCS#1 v1.5 with SHA-256, or ECDSA
 *   (P-256/P-384) with SHA-256; forge only lays out the ASN.1;
 * - the signer certificate and its chain in `certificates`; no content inside (detached).
 * The signer refuses what the server would refuse (RSA < 2048, other key types) rather than
 * produce a signature that can only be rejected.
 */
export interface SignOpinionInput {
  readonly payloadBytes: Uint8Array;
  readonly privateKey: KeyObject;
  readonly certificateDer: Uint8Array;
  /** CA certificates to include (the signer's issuer first); the anchor may be left out. */
  readonly chainDer?: readonly Uint8Array[];
  /** Recorded as signingTime, in whole seconds (the device clock; the server keeps its own). */
  readonly signingTime: Date;
}

export class SigningError extends Error {}

/** Smallest RSA modulus the signer uses, bits (the server refuses less). */
export const MIN_SIGNING_RSA_BITS = 2048;

export function signOpinion(input: SignOpinionInput): Uint8Array {
  const signatureAlgorithm = signatureAlgorithmFor(input.privateKey);
  const cert = certificateFields(input.certificateDer);
  const chain = (input.chainDer ?? []).map((der) => certificateFields(der).node);

  // 1. Signed attributes.
  const essCertId = sequence([
    octetString(createHash('sha256').update(input.certificateDer).digest()),
    // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber }; directoryName is [4].
    sequence([sequence([contextConstructed(4, [cert.issuer])]), cert.serial]),
  ]);
  const attributes = sortForSet([
    attribute(OID.contentType, oidNode(OID.data)),
    attribute(OID.signingTime, timeNode(input.signingTime)),
    attribute(
      OID.messageDigest,
      octetString(createHash('sha256').update(input.payloadBytes).digest()),
    ),
    attribute(OID.signingCertificateV2, sequence([sequence([essCertId])])),
  ]);

  // 2. The signature covers the DER of the attributes as a SET OF (RFC 5652 §5.4).
  const signature = sign('sha256', encodeAsn1(set(attributes)), input.privateKey);

  // 3. SignerInfo (v1: issuerAndSerialNumber), SignedData (v1: id-data, v1 signer), ContentInfo.
  const sha256 = sequence([oidNode(OID.sha256)]); // parameters absent (RFC 5754 §2)
  const signerInfo = sequence([
    smallInteger(1),
    sequence([cert.issuer, cert.serial]),
    sha256,
    contextConstructed(0, attributes), // [0] IMPLICIT SET OF Attribute
    signatureAlgorithm,
    octetString(signature),
  ]);
  const signedData = sequence([
    smallInteger(1),
    set([sha256]),
    sequence([oidNode(OID.data)]), // encapContentInfo without eContent: detached
    contextConstructed(0, sortForSet([cert.node, ...chain])), // [0] IMPLICIT CertificateSet
    set([signerInfo]),
  ]);
  return encodeAsn1(sequence([oidNode(OID.signedData), contextConstructed(0, [signedData])]));
}

function attribute(type: string, value: Asn1): Asn1 {
  return sequence([oidNode(type), set([value])]);
}

function signatureAlgorithmFor(key: KeyObject): Asn1 {
  if (key.type !== 'private') throw new SigningError('a private key is needed to sign');
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa') {
    if ((details?.modulusLength ?? 0) < MIN_SIGNING_RSA_BITS)
      throw new SigningError(`RSA keys under ${MIN_SIGNING_RSA_BITS} bits cannot sign opinions`);
    return sequence([oidNode(OID.sha256WithRSAEncryption), nullNode()]);
  }
  if (
    key.asymmetricKeyType === 'ec' &&
    (details?.namedCurve === 'prime256v1' || details?.namedCurve === 'secp384r1')
  ) {
    return sequence([oidNode(OID.ecdsaWithSha256)]);
  }
  throw new SigningError(`keys of type ${key.asymmetricKeyType ?? 'unknown'} cannot sign opinions`);
}
