import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../../shared/opinions/oids.ts';
import { signatureAlgorithm, type SignatureHash } from './certificateBuilder.ts';
import {
  asn1FromDer,
  asn1ToBytes,
  bitString,
  integerHex,
  octets,
  oidNode,
  seq,
  smallInteger,
  utcTime,
} from './forgeExtras.ts';

/**
 * Issues an X.509 v2 CRL (RFC 5280 §5) for the development and test PKI: the issuer Name is
 * copied as DER from the CA certificate (so it matches octet for octet), the signature is made
 * with node:crypto.
 */
export interface CrlSpec {
  /** The CA certificate (DER) whose subject becomes the CRL issuer. */
  readonly issuerCertDer: Uint8Array;
  readonly issuerKey: KeyObject;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly revoked: readonly { readonly serialHex: string; readonly revokedAt: Date }[];
  readonly crlNumber: number;
  readonly authorityKeyId: string;
  readonly hash?: SignatureHash;
}

export function issueCrl(spec: CrlSpec): Uint8Array {
  const caTbs = (asn1FromDer(spec.issuerCertDer).value as forge.asn1.Asn1[])[0]!;
  const issuerName = (caTbs.value as forge.asn1.Asn1[])[5]!; // [0] version, serial, sig, issuer, validity, subject
  const hash = spec.hash ?? 'sha256';
  const algorithm = signatureAlgorithm(createPublicKey(spec.issuerKey), hash);
  const extensions = forge.asn1.create(forge.asn1.Class.CONTEXT_SPECIFIC, 0, true, [
    seq([
      seq([oidNode(OID.cRLNumber), octets(asn1ToBytes(smallInteger(spec.crlNumber)))]),
      seq([
        oidNode(OID.authorityKeyIdentifier),
        octets(
          asn1ToBytes(
            seq([
              forge.asn1.create(
                forge.asn1.Class.CONTEXT_SPECIFIC,
                0,
                false,
                Buffer.from(spec.authorityKeyId, 'hex').toString('binary'),
              ),
            ]),
          ),
        ),
      ]),
    ]),
  ]);
  const tbs = seq([
    smallInteger(1), // v2
    algorithm,
    issuerName,
    utcTime(spec.thisUpdate),
    utcTime(spec.nextUpdate),
    ...(spec.revoked.length === 0
      ? []
      : [seq(spec.revoked.map((r) => seq([integerHex(r.serialHex), utcTime(r.revokedAt)])))]),
    extensions,
  ]);
  const signature = sign(hash, asn1ToBytes(tbs), spec.issuerKey);
  return asn1ToBytes(seq([tbs, algorithm, bitString(signature)]));
}
