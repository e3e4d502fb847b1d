import { X509Certificate, createHash } from 'node:crypto';
import { CONTENT_DIGEST_KEY } from '../../../../shared/opinions/evidenceManifest.ts';
import { OID } from '../../../../shared/opinions/oids.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import { classifyDigest, classifySignature } from '../verify/algorithms.ts';
import { checkSigningCertificateV2 } from '../verify/checkSigningCertificateV2.ts';
import {
  DerShapeError,
  TAG,
  bytesEqual,
  compareDerForSet,
  encodingOf,
  expectTag,
  readOctets,
  readOid,
} from '../verify/der/derValues.ts';
import { parseDer, type DerNode } from '../verify/der/parseDer.ts';
import { parseSignedData } from '../verify/parseSignedData.ts';
import type { TrustStore } from '../verify/TrustStore.ts';
import { validateChain } from '../verify/validateChain.ts';
import { DEFAULT_VERIFY_POLICY } from '../verify/verifyTypes.ts';
import { publicKeyOf, verifyWith } from '../verify/x509/checkSignedBy.ts';
import { parseCertificate } from '../verify/x509/parseCertificate.ts';

/**
 * Checks the PAdES signature of an export's report.pdf with the verifier's own code (no
 * poppler, no forge), and reads the content digest the signature binds:
 * 1. exactly one /ByteRange [0 b c d] with c + d = file length (nothing appended after
 *    signing, no incremental update) and the hole b..c exactly the /Contents hex string;
 * 2. the signature dictionary: /Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /M;
 * 3. the CMS: SignedData, detached id-data, one signer; signed attributes contentType id-data,
 *    messageDigest = SHA-256 of the two ranges, ESS signing-certificate-v2, no signingTime
 *    (PAdES baseline); the signature verified with node:crypto;
 * 4. the signer's certificate chains to `trust` at the /M time (keyUsage, EKU, validity, CRL);
 * 5. the Info entry /ECabinetContentSha256 (inside the signed ranges by construction).
 */
export type ReportCode =
  | 'REPORT_MALFORMED'
  | 'REPORT_NOT_COVERING'
  | 'REPORT_PROFILE'
  | 'REPORT_SIGNATURE_INVALID'
  | 'REPORT_CERT_INVALID';

export interface VerifiedReport {
  readonly contentSha256: string;
  readonly signer: string;
  readonly signerSha256: string;
  /** The /M of the signature dictionary (the signer's claimed time). */
  readonly signedAt: Date;
}

const DER_LIMITS = { maxDepth: 32, maxNodes: 8192 };

/** D:YYYYMMDDHHmmSS with an optional offset (Z, +HH'mm', -HH'mm'). */
function pdfDate(value: string): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(
    value,
  );
  if (m === null) return null;
  const utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const sign = m[8] === '-' ? -1 : 1;
  const offset = m[8] === undefined ? 0 : sign * (+m[9]! * 60 + +m[10]!) * 60_000;
  return new Date(utc - offset);
}

export function verifyReportPdf(
  pdf: Uint8Array,
  trust: TrustStore,
): Result<VerifiedReport, ReportCode> {
  try {
    return verifyUnsafe(pdf, trust);
  } catch (error) {
    if (error instanceof DerShapeError) return err('REPORT_MALFORMED', error.message);
    throw error;
  }
}

function verifyUnsafe(pdf: Uint8Array, trust: TrustStore): Result<VerifiedReport, ReportCode> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  // 1. The byte range.
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length !== 1)
    return err('REPORT_MALFORMED', `expected one signature /ByteRange, found ${ranges.length}`);
  const [a, b, c, d] = ranges[0]!.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length)
    return err('REPORT_NOT_COVERING', 'the signature does not cover the whole file');
  const hole = text.slice(b, c);
  if (!/^<[0-9A-Fa-f]*>$/.test(hole))
    return err('REPORT_NOT_COVERING', 'the unsigned gap is not exactly the /Contents value');
  if (!/\/Contents\s*$/.test(text.slice(Math.max(0, b - 32), b)))
    return err('REPORT_NOT_COVERING', 'the unsigned gap is not the /Contents value');

  // 2. The signature dictionary around it.
  const objStart = text.lastIndexOf(' obj', b);
  const objEnd = text.indexOf('endobj', c);
  const dict = `${text.slice(objStart, b)} ${text.slice(c, objEnd)}`;
  if (
    !/\/Filter\s*\/Adobe\.PPKLite/.test(dict) ||
    !/\/SubFilter\s*\/ETSI\.CAdES\.detached/.test(dict)
  )
    return err('REPORT_PROFILE', 'not a PAdES (ETSI.CAdES.detached) signature dictionary');
  const m = /\/M\s*\((D:[^)]*)\)/.exec(dict);
  const signedAt = m ? pdfDate(m[1]!) : null;
  if (signedAt === null) return err('REPORT_PROFILE', 'the signature dictionary has no /M time');

  // 3. The CMS.
  const contents = Buffer.from(hole.slice(1, -1), 'hex');
  const der = derPrefix(contents);
  if (der === null) return err('REPORT_MALFORMED', '/Contents is not a DER value');
  const tree = parseDer(der, DER_LIMITS);
  if (!tree.ok) return err('REPORT_MALFORMED', tree.error.message);
  const cms = parseSignedData(tree.value);
  if (!cms.ok) return err('REPORT_PROFILE', cms.error.message);
  const { signer } = cms.value;
  const certificates = cms.value.certificates.map(parseCertificate);
  const sid = signer.sid;
  const signerCert =
    sid.kind === 'issuerSerial'
      ? certificates.find((x) => x.serialHex === sid.serialHex && bytesEqual(x.issuer, sid.issuer))
      : certificates.find((x) => x.subjectKeyId === sid.keyIdHex);
  if (signerCert === undefined)
    return err('REPORT_SIGNATURE_INVALID', "the signer's certificate is not in the CMS");
  const digest = classifyDigest(signer.digestAlgorithm);
  if (!digest.ok) return err('REPORT_PROFILE', digest.error.message);
  const algorithm = classifySignature(signer.signatureAlgorithm, digest.value);
  if (!algorithm.ok) return err('REPORT_PROFILE', algorithm.error.message);
  const attrs = readPadesAttributes(signer.signedAttrs);
  if (!attrs.ok) return attrs;
  const rangeDigest = createHash(digest.value)
    .update(pdf.subarray(0, b))
    .update(pdf.subarray(c))
    .digest();
  if (!bytesEqual(attrs.value.messageDigest, rangeDigest))
    return err('REPORT_SIGNATURE_INVALID', 'the signed bytes of the PDF were changed');
  const { key } = publicKeyOf(signerCert);
  if (!verifyWith(algorithm.value.hash, attrs.value.signedBytes, key, signer.signature))
    return err('REPORT_SIGNATURE_INVALID', 'the CMS signature does not verify');
  const ess = checkSigningCertificateV2(attrs.value.signingCertificateV2, signerCert);
  if (!ess.ok) return err('REPORT_PROFILE', `${ess.error.code}: ${ess.error.message}`);

  // 4. The signer's certificate, at the claimed signing time.
  const chain = validateChain(signerCert, certificates, trust, signedAt.getTime(), {
    ...DEFAULT_VERIFY_POLICY,
    requireRevocationInfo: false,
  });
  if (!chain.ok) return err('REPORT_CERT_INVALID', `${chain.error.code}: ${chain.error.message}`);

  // 5. The content digest the signature binds.
  const bound = [
    ...text.matchAll(new RegExp(`/${CONTENT_DIGEST_KEY}\\s*\\(([0-9a-f]{64})\\)`, 'g')),
  ];
  if (bound.length !== 1)
    return err('REPORT_PROFILE', `the report does not carry one /${CONTENT_DIGEST_KEY}`);
  return ok({
    contentSha256: bound[0]![1]!,
    signer: new X509Certificate(signerCert.der).subject.replaceAll('\n', ', '),
    signerSha256: signerCert.sha256,
    signedAt,
  });
}

/** The one DER TLV at the start of the zero-padded /Contents. */
function derPrefix(bytes: Buffer): Uint8Array | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1]!;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || bytes.length < 2 + n) return null;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[2 + i]!;
    header = 2 + n;
  }
  if (header + length > bytes.length) return null;
  if (bytes.subarray(header + length).some((x) => x !== 0)) return null; // only padding after
  return new Uint8Array(bytes.subarray(0, header + length));
}

interface PadesAttributes {
  readonly messageDigest: Uint8Array;
  readonly signingCertificateV2: DerNode | null;
  readonly signedBytes: Uint8Array;
}

function readPadesAttributes(node: DerNode | null): Result<PadesAttributes, ReportCode> {
  if (node === null) return err('REPORT_PROFILE', 'the signer has no signed attributes');
  const values = new Map<string, DerNode>();
  let previous: Uint8Array | null = null;
  for (const attr of node.children) {
    const encoding = encodingOf(attr);
    if (previous !== null && compareDerForSet(previous, encoding) > 0)
      return err('REPORT_MALFORMED', 'signed attributes are not in DER SET OF order');
    previous = encoding;
    const parts = expectTag(attr, TAG.SEQUENCE, 'Attribute').children;
    const type = readOid(parts[0], 'attrType');
    const set = expectTag(parts[1], TAG.SET, 'attrValues');
    if (values.has(type) || set.children.length !== 1)
      return err('REPORT_PROFILE', `attribute ${type} must appear once with one value`);
    values.set(type, set.children[0]!);
  }
  const contentType = values.get(OID.contentType);
  const messageDigest = values.get(OID.messageDigest);
  if (contentType === undefined || readOid(contentType, 'contentType') !== OID.data)
    return err('REPORT_PROFILE', 'contentType is not id-data');
  if (messageDigest === undefined) return err('REPORT_PROFILE', 'no messageDigest attribute');
  if (values.has(OID.signingTime))
    return err('REPORT_PROFILE', 'PAdES baseline forbids the signingTime attribute (use /M)');
  const signedBytes = encodingOf(node).slice();
  signedBytes[0] = TAG.SET;
  return ok({
    messageDigest: readOctets(messageDigest, 'messageDigest'),
    signingCertificateV2: values.get(OID.signingCertificateV2) ?? null,
    signedBytes,
  });
}
