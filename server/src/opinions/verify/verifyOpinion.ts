import { X509Certificate, createHash } from 'node:crypto';
import { parseOpinionPayloadBytes } from '../../../../shared/opinions/parsePayload.ts';
import { MAX_OPINION_PAYLOAD_BYTES } from '../../../../shared/opinions/payload.ts';
import { OID } from '../../../../shared/opinions/oids.ts';
import type { OpinionVerifyCode } from '../../../../shared/opinions/verifyCodes.ts';
import { err, ok, type Result } from '../../../../shared/util/result.ts';
import { classifyDigest, classifySignature } from './algorithms.ts';
import { checkBallotState } from './checkBallotState.ts';
import { checkContext } from './checkContext.ts';
import { checkSigningCertificateV2 } from './checkSigningCertificateV2.ts';
import { DerShapeError, bytesEqual } from './der/derValues.ts';
import { parseDer } from './der/parseDer.ts';
import { parseSignedData, type SignerInfoParts } from './parseSignedData.ts';
import { readSignedAttributes } from './signedAttributes.ts';
import { validateChain } from './validateChain.ts';
import {
  DEFAULT_VERIFY_POLICY,
  type VerifiedOpinion,
  type VerifyOpinionInput,
} from './verifyTypes.ts';
import { publicKeyOf, verifyWith } from './x509/checkSignedBy.ts';
import { parseCertificate, type ParsedCertificate } from './x509/parseCertificate.ts';

export type VerifyOpinionResult = Result<VerifiedOpinion, OpinionVerifyCode>;

/**
 * Verifies one signed opinion as strictly as a court would, with the server's own code:
 * forge is not involved, node:crypto checks every signature. Each failed check returns its own
 * code (shared/opinions/verifyCodes.ts). Order, and why:
 *  1-4  bytes, structure, algorithms, digest, signature, ESS: the evidence itself;
 *  5    the payload against the envelope: static facts about these bytes and this caller;
 *  6    replay: an opinion that already took effect is answered REPLAY before anything that
 *       changes with time or server state (expiry, CRLs, binding, documents, deadline), so a
 *       re-sent accepted opinion is always a duplicate, never a late or revoked rejection;
 *  7-8  certificates and ballot state, at trusted time.
 * Nothing is written: the caller stores the accepted opinion (unique on `replayKey`).
 */
export async function verifyOpinion(input: VerifyOpinionInput): Promise<VerifyOpinionResult> {
  try {
    return await verifyUnsafe(input);
  } catch (error) {
    if (error instanceof DerShapeError) return err('MALFORMED', error.message);
    throw error;
  }
}

async function verifyUnsafe(input: VerifyOpinionInput): Promise<VerifyOpinionResult> {
  const policy = { ...DEFAULT_VERIFY_POLICY, ...input.policy };
  const { signatureDer, payloadBytes, envelope, lookups } = input;
  const now = input.trustedTime.getTime();
  // An invalid Date would make every time comparison false, i.e. pass: a caller bug, not input.
  if (!Number.isFinite(now)) throw new TypeError('trustedTime is not a valid Date');

  // 1. Bounds, then a strict, bounded DER walk before anything else reads the bytes.
  if (signatureDer.length > policy.maxSignatureBytes)
    return err('TOO_LARGE', `signature over ${policy.maxSignatureBytes} bytes`);
  if (payloadBytes.length > MAX_OPINION_PAYLOAD_BYTES)
    return err('TOO_LARGE', `payload over ${MAX_OPINION_PAYLOAD_BYTES} bytes`);
  const tree = parseDer(signatureDer, { maxDepth: policy.maxDepth, maxNodes: policy.maxNodes });
  if (!tree.ok) return tree;

  // 2. CMS structure: SignedData, detached id-data, one signer, its certificate included.
  const cms = parseSignedData(tree.value);
  if (!cms.ok) return cms;
  const { signer } = cms.value;
  const certificates = cms.value.certificates.map(parseCertificate);
  const signerCert = findSignerCertificate(certificates, signer.sid);
  if (signerCert === undefined)
    return err('SIGNER_CERT_NOT_FOUND', "the signer's certificate is not in the SignedData");

  // 3. Algorithms and key.
  for (const alg of cms.value.digestAlgorithms) {
    const listed = classifyDigest(alg);
    if (!listed.ok) return listed;
  }
  const digest = classifyDigest(signer.digestAlgorithm);
  if (!digest.ok) return digest;
  if (!cms.value.digestAlgorithms.some((a) => a.oid === signer.digestAlgorithm.oid))
    return err('MALFORMED', "the signer's digest is not in digestAlgorithms");
  const algorithm = classifySignature(signer.signatureAlgorithm, digest.value);
  if (!algorithm.ok) return algorithm;
  const { key, info } = publicKeyOf(signerCert);
  if (!info.ok) return info;
  if (info.value.kind !== algorithm.value.key)
    return err(
      'ALGORITHM_MISMATCH',
      `${algorithm.value.key} signature by a ${info.value.kind} key`,
    );

  // 4. Signed attributes, digest of the payload, the signature, signing-certificate-v2.
  const attrs = readSignedAttributes(signer.signedAttrs);
  if (!attrs.ok) return attrs;
  if (attrs.value.contentType !== OID.data)
    return err('WRONG_CONTENT_TYPE', 'contentType attribute is not id-data');
  const payloadDigest = createHash(digest.value).update(payloadBytes).digest();
  if (!bytesEqual(attrs.value.messageDigest, payloadDigest))
    return err('PAYLOAD_MISMATCH', 'messageDigest is not the digest of the payload');
  if (!verifyWith(algorithm.value.hash, attrs.value.signedBytes, key, signer.signature))
    return err('BAD_SIGNATURE', 'the signature does not verify');
  const ess = checkSigningCertificateV2(attrs.value.signingCertificateV2, signerCert);
  if (!ess.ok) return ess;

  // 5. The payload, and its context against what the server knows.
  const payload = parseOpinionPayloadBytes(payloadBytes);
  if (!payload.ok) return payload;
  const context = checkContext(
    payload.value,
    envelope,
    signerCert.serialHex,
    attrs.value.signingTime,
    policy,
  );
  if (!context.ok) return context;

  // 6. Replay.
  const replayKey = createHash('sha256').update(payloadBytes).digest('hex');
  if (await lookups.hasAccepted(replayKey))
    return err('REPLAY', 'this opinion has already been accepted');

  // 7. Certificates at trusted time, then the member's binding.
  const chain = validateChain(signerCert, certificates, input.trust, now, policy);
  if (!chain.ok) return chain;
  const explained = new Set(
    [...chain.value, ...input.trust.anchors, ...input.trust.intermediates].map((c) => c.sha256),
  );
  if (certificates.some((c) => !explained.has(c.sha256)))
    return err(
      'EXTRA_CERTIFICATE',
      'the SignedData carries a certificate that is not on the validated path',
    );
  const bound = await lookups.isCertificateBound(envelope.memberId, {
    serialHex: signerCert.serialHex,
    sha256: signerCert.sha256,
    issuerDer: signerCert.issuer,
  });
  if (!bound) return err('CERT_NOT_BOUND', 'the certificate is not bound to this member');

  // 8. Ballot state at trusted time.
  const ballot = await lookups.ballot(envelope.ballotId);
  const state = checkBallotState(payload.value, ballot, attrs.value.signingTime, now, policy);
  if (!state.ok) return state;

  const names = describe(signerCert);
  return ok({
    payload: payload.value,
    certSerial: signerCert.serialHex,
    certSha256: signerCert.sha256,
    subject: names.subject,
    issuer: names.issuer,
    signingTime: new Date(attrs.value.signingTime),
    signatureSha256: createHash('sha256').update(signatureDer).digest('hex'),
    replayKey,
  });
}

function findSignerCertificate(
  certs: readonly ParsedCertificate[],
  sid: SignerInfoParts['sid'],
): ParsedCertificate | undefined {
  if (sid.kind === 'issuerSerial')
    return certs.find((c) => c.serialHex === sid.serialHex && bytesEqual(c.issuer, sid.issuer));
  return certs.find((c) => c.subjectKeyId === sid.keyIdHex);
}

/** Display names of the signer certificate, as OpenSSL prints them (for people, not for checks). */
function describe(cert: ParsedCertificate): { subject: string; issuer: string } {
  try {
    const x509 = new X509Certificate(cert.der);
    return {
      subject: x509.subject.replaceAll('\n', ', '),
      issuer: x509.issuer.replaceAll('\n', ', '),
    };
  } catch {
    throw new DerShapeError('the signer certificate cannot be displayed');
  }
}
