import { randomBytes } from 'node:crypto';
import { signOpinion } from '../../../../electron/core/signing/signOpinion.ts';
import {
  canonicalPayloadBytes,
  OPINION_PAYLOAD_TYPE,
  type OpinionDocument,
  type OpinionPayload,
} from '../../../../shared/opinions/payload.ts';
import {
  verifyOpinion,
  type VerifyOpinionResult,
} from '../../../../server/src/opinions/verify/verifyOpinion.ts';
import type {
  BallotState,
  OpinionEnvelope,
  OpinionLookups,
  VerifyOpinionInput,
} from '../../../../server/src/opinions/verify/verifyTypes.ts';
import { NOW, testPki, type TestSigner } from './testPki.ts';

export const BALLOT_ID = '5b0c1a7e-0000-4000-8000-00000000b001';
export const OTHER_BALLOT_ID = '5b0c1a7e-0000-4000-8000-00000000b002';
export const MEMBER_ID = 'ecab0001-0000-4000-8000-000000000001';
export const OTHER_MEMBER_ID = 'ecab0001-0000-4000-8000-000000000002';
export const DEVICE_ID = 'de71ce00-0000-4000-8000-0000000000d1';
export const DOCUMENTS: OpinionDocument[] = [
  { id: 'd0c00000-0000-4000-8000-000000000001', version: 3, sha256: 'a'.repeat(64) },
  { id: 'd0c00000-0000-4000-8000-000000000002', version: 1, sha256: 'b'.repeat(64) },
];
/** Trusted time of the tests: an hour after NOW (the signing moment). */
export const RECEIVED = new Date(NOW.getTime() + 3_600_000);
export const DEADLINE = new Date(NOW.getTime() + 2 * 86_400_000);

export function payloadFor(
  signer: TestSigner,
  overrides: Partial<OpinionPayload> = {},
): OpinionPayload {
  return {
    type: OPINION_PAYLOAD_TYPE,
    ballotId: BALLOT_ID,
    memberId: MEMBER_ID,
    choice: 'other',
    text: 'Đề nghị bổ sung quy định chuyển tiếp tại Điều 12.',
    exceptions: [{ article: 'Điều 5', note: 'Đề nghị bỏ khoản 2.' }],
    documents: DOCUMENTS,
    certSerial: signer.serialHex,
    deviceId: DEVICE_ID,
    nonce: randomBytes(32).toString('base64url'),
    signedAt: NOW.toISOString(),
    ...overrides,
  };
}

export interface SignedFixture {
  readonly payload: OpinionPayload;
  readonly payloadBytes: Uint8Array;
  readonly signatureDer: Uint8Array;
}

/** A valid opinion signed by `signer` with the production signer (chain: the dev CA). */
export function signedBy(
  signer: TestSigner,
  overrides: Partial<OpinionPayload> = {},
): SignedFixture {
  const payload = payloadFor(signer, overrides);
  const payloadBytes = canonicalPayloadBytes(payload);
  const signatureDer = signOpinion({
    payloadBytes,
    privateKey: signer.privateKey,
    certificateDer: signer.certDer,
    chainDer: [testPki().ca.certDer],
    signingTime: new Date(payload.signedAt),
  });
  return { payload, payloadBytes, signatureDer };
}

/** In-memory lookups: every test certificate is bound to MEMBER_ID except `otherMember`'s. */
export function memoryLookups(
  overrides: Partial<OpinionLookups> & { ballot?: OpinionLookups['ballot'] } = {},
): OpinionLookups & { accepted: Set<string> } {
  const pki = testPki();
  const accepted = new Set<string>();
  const state: BallotState = { deadline: DEADLINE, graceMs: 0, documents: DOCUMENTS };
  return {
    accepted,
    isCertificateBound: (memberId, cert) =>
      memberId === MEMBER_ID && cert.sha256 !== pki.otherMember.sha256,
    ballot: (ballotId) => (ballotId === BALLOT_ID || ballotId === OTHER_BALLOT_ID ? state : null),
    hasAccepted: (key) => accepted.has(key),
    ...overrides,
  };
}

export const ENVELOPE: OpinionEnvelope = {
  ballotId: BALLOT_ID,
  memberId: MEMBER_ID,
  deviceId: DEVICE_ID,
};

/** Runs the verifier with the test defaults; anything can be overridden. */
export function verify(
  fixture: { signatureDer: Uint8Array; payloadBytes: Uint8Array },
  overrides: Partial<VerifyOpinionInput> = {},
): Promise<VerifyOpinionResult> {
  return verifyOpinion({
    signatureDer: fixture.signatureDer,
    payloadBytes: fixture.payloadBytes,
    envelope: ENVELOPE,
    trustedTime: RECEIVED,
    trust: testPki().trust,
    lookups: memoryLookups(),
    ...overrides,
  });
}

/** The code of a failed verification ('OK' when it passed), for compact assertions. */
export async function codeOf(result: Promise<VerifyOpinionResult>): Promise<string> {
  const r = await result;
  return r.ok ? 'OK' : r.error.code;
}
