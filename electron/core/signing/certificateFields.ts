import {
  Asn1ShapeError,
  Class,
  Type,
  childrenOf,
  encodeAsn1,
  expectUniversal,
  fromBinary,
  parseAsn1,
  type Asn1,
} from './forgeAsn1.ts';

/**
 * The fields of a certificate the signer copies into the CMS (issuer Name and serial for the
 * SignerInfo sid and the ESS IssuerSerial), read with forge's ASN.1 parser so that EC
 * certificates work too (forge's certificate reader knows only RSA keys).
 */
export interface CertificateFields {
  /** The certificate as an ASN.1 tree that re-encodes to exactly `der`. */
  readonly node: Asn1;
  readonly issuer: Asn1;
  readonly serial: Asn1;
  /** Lower-case hex of the positive serial without a sign octet (the payload's spelling). */
  readonly serialHex: string;
}

export function certificateFields(der: Uint8Array): CertificateFields {
  const node = parseAsn1(der);
  const reencoded = encodeAsn1(node);
  if (reencoded.length !== der.length || reencoded.some((b, i) => b !== der[i]))
    throw new Asn1ShapeError('certificate is not DER');
  const tbs = childrenOf(childrenOf(node, 'Certificate')[0], 'TBSCertificate');
  // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, ... }
  const offset = tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = expectUniversal(tbs[offset], Type.INTEGER, 'serialNumber');
  const issuer = expectUniversal(tbs[offset + 2], Type.SEQUENCE, 'issuer');
  if (typeof serial.value !== 'string') throw new Asn1ShapeError('serialNumber: constructed');
  const bytes = fromBinary(serial.value);
  if (bytes.length === 0 || (bytes[0]! & 0x80) !== 0)
    throw new Asn1ShapeError('serialNumber: not positive');
  const magnitude = bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes;
  return { node, issuer, serial, serialHex: Buffer.from(magnitude).toString('hex') };
}
