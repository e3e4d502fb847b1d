import { X509Certificate } from 'node:crypto';
import { DerShapeError } from './verify/der/derValues.ts';
import { parseDer } from './verify/der/parseDer.ts';
import { decodePemOrDer } from './verify/loadTrustFiles.ts';
import { parseCertificate } from './verify/x509/parseCertificate.ts';

export interface CertificateFacts {
  readonly der: Uint8Array;
  /** Lower-case hex, the verifier's (and payload's) spelling. */
  readonly serialHex: string;
  readonly sha256: string;
  readonly subject: string;
  readonly notAfter: Date;
}

/** One certificate from PEM or DER bytes, read by the verifier's own parser; null if not one. */
export function readCertificate(bytes: Uint8Array): CertificateFacts | null {
  const blobs = decodePemOrDer(bytes, 'CERTIFICATE');
  if (blobs.length !== 1) return null;
  const der = blobs[0]!.slice();
  const tree = parseDer(der, { maxDepth: 32, maxNodes: 8192 });
  if (!tree.ok) return null;
  try {
    const cert = parseCertificate(tree.value);
    const x509 = new X509Certificate(der);
    return {
      der,
      serialHex: cert.serialHex,
      sha256: cert.sha256,
      subject: x509.subject.replaceAll('\n', ', '),
      notAfter: new Date(cert.notAfter),
    };
  } catch (error) {
    if (error instanceof DerShapeError) return null;
    if (error instanceof Error && 'code' in error) return null;
    throw error;
  }
}
