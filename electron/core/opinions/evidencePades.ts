import { createHash, sign } from 'node:crypto';
import { OID } from '../../../shared/opinions/oids.ts';
import { certificateFields } from '../signing/certificateFields.ts';
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
  type Asn1,
} from '../signing/forgeAsn1.ts';
import type { SigningCredential } from '../signing/importPkcs12.ts';
import { BYTE_RANGE_PLACEHOLDER, SIGNATURE_BYTES } from './evidenceReportPdf.ts';

/**
 * Fills the signature placeholder of a report made by buildReportPdf (PAdES baseline B-B,
 * ETSI EN 319 142-1): /ByteRange covers the whole file except the /Contents hex string (its
 * `<` and `>` included), and /Contents receives a detached CMS SignedData over those ranges
 * with the signed attributes contentType (id-data), messageDigest and ESS
 * signing-certificate-v2 — and NO signingTime (the claimed time is the dictionary's /M). The
 * RSA or ECDSA signature itself is node:crypto's; forge only lays out the ASN.1.
 */
export class PadesError extends Error {}

const latin1 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

export interface SignedPdf {
  readonly bytes: Uint8Array;
  readonly byteRange: readonly [number, number, number, number];
}

export function signPdfPades(pdf: Uint8Array, credential: SigningCredential): SignedPdf {
  const text = latin1(pdf);
  const hole = `<${'0'.repeat(SIGNATURE_BYTES * 2)}>`;
  const start = text.indexOf(hole);
  if (start < 0 || text.indexOf(hole, start + 1) >= 0)
    throw new PadesError('the report has no single signature placeholder');
  const end = start + hole.length;
  const rangeAt = text.lastIndexOf('/ByteRange', start);
  const open = text.indexOf('[', rangeAt);
  const close = text.indexOf(']', open);
  const written = text.slice(open, close + 1);
  if (rangeAt < 0 || !written.includes(String(BYTE_RANGE_PLACEHOLDER)))
    throw new PadesError('the report has no /ByteRange placeholder');
  const byteRange = [0, start, end, pdf.length - end] as const;
  const numbers = `[${byteRange.join(' ')}`;
  if (numbers.length + 1 > written.length) throw new PadesError('/ByteRange placeholder too short');
  const out = Buffer.from(pdf);
  out.write(`${numbers.padEnd(written.length - 1, ' ')}]`, open, 'latin1');

  const digest = createHash('sha256')
    .update(out.subarray(0, start))
    .update(out.subarray(end))
    .digest();
  const cms = padesSignedData(digest, credential);
  if (cms.length > SIGNATURE_BYTES) throw new PadesError('the signature does not fit /Contents');
  out.write(
    Buffer.from(cms)
      .toString('hex')
      .padEnd(SIGNATURE_BYTES * 2, '0'),
    start + 1,
    'latin1',
  );
  return { bytes: new Uint8Array(out), byteRange };
}

function attribute(type: string, value: Asn1): Asn1 {
  return sequence([oidNode(type), set([value])]);
}

/** Detached CMS SignedData over a precomputed SHA-256 `digest` of the signed byte ranges. */
export function padesSignedData(digest: Uint8Array, credential: SigningCredential): Uint8Array {
  const certDer = credential.certificate.der;
  const cert = certificateFields(certDer);
  const chain = credential.chain.map((c) => certificateFields(c.der).node);
  const essCertId = sequence([
    octetString(createHash('sha256').update(certDer).digest()),
    sequence([sequence([contextConstructed(4, [cert.issuer])]), cert.serial]),
  ]);
  const attributes = sortForSet([
    attribute(OID.contentType, oidNode(OID.data)),
    attribute(OID.messageDigest, octetString(digest)),
    attribute(OID.signingCertificateV2, sequence([sequence([essCertId])])),
  ]);
  const signature = sign('sha256', encodeAsn1(set(attributes)), credential.privateKey);
  const signatureAlgorithm =
    credential.keyType === 'rsa'
      ? sequence([oidNode(OID.sha256WithRSAEncryption), nullNode()])
      : sequence([oidNode(OID.ecdsaWithSha256)]);
  const sha256 = sequence([oidNode(OID.sha256)]);
  const signerInfo = sequence([
    smallInteger(1),
    sequence([cert.issuer, cert.serial]),
    sha256,
    contextConstructed(0, attributes),
    signatureAlgorithm,
    octetString(signature),
  ]);
  const signedData = sequence([
    smallInteger(1),
    set([sha256]),
    sequence([oidNode(OID.data)]),
    contextConstructed(0, sortForSet([cert.node, ...chain])),
    set([signerInfo]),
  ]);
  return encodeAsn1(sequence([oidNode(OID.signedData), contextConstructed(0, [signedData])]));
}
