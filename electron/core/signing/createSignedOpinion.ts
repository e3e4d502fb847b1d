import { randomBytes } from 'node:crypto';
import {
  OPINION_PAYLOAD_TYPE,
  canonicalPayloadBytes,
  opinionPayloadSchema,
  type OpinionChoice,
  type OpinionDocument,
  type OpinionException,
  type OpinionPayload,
} from '../../../shared/opinions/payload.ts';
import type { SigningCredential } from './importPkcs12.ts';
import { signOpinion } from './signOpinion.ts';

/** What the member decided, before it is bound to a certificate, a device and a moment. */
export interface OpinionDraft {
  readonly ballotId: string;
  readonly memberId: string;
  readonly choice: OpinionChoice;
  readonly text: string;
  readonly exceptions: readonly OpinionException[];
  /** The exact versions the member read (id, version, SHA-256 of the file). */
  readonly documents: readonly OpinionDocument[];
}

export interface SignedOpinion {
  readonly payload: OpinionPayload;
  /** RFC 8785 canonical JSON, UTF-8: what was signed and what is sent. */
  readonly payloadBytes: Uint8Array;
  /** Detached CMS SignedData, DER (.p7s). */
  readonly signatureDer: Uint8Array;
}

/**
 * Builds the payload (NFC text, a fresh 256-bit nonce, the certificate's serial, `now` in whole
 * seconds as both signedAt and the CMS signingTime) and signs it. Throws a ZodError when the
 * draft does not fit the schema, and SigningError for a key that cannot sign opinions.
 */
export function createSignedOpinion(input: {
  draft: OpinionDraft;
  credential: SigningCredential;
  deviceId: string;
  now: Date;
}): SignedOpinion {
  const signedAt = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  const payload = opinionPayloadSchema.parse({
    type: OPINION_PAYLOAD_TYPE,
    ballotId: input.draft.ballotId,
    memberId: input.draft.memberId,
    choice: input.draft.choice,
    text: input.draft.text.normalize('NFC'),
    exceptions: input.draft.exceptions.map((e) => ({
      article: e.article.normalize('NFC'),
      note: e.note.normalize('NFC'),
    })),
    documents: input.draft.documents.map((d) => ({
      id: d.id,
      version: d.version,
      sha256: d.sha256,
    })),
    certSerial: input.credential.serial,
    deviceId: input.deviceId,
    nonce: randomBytes(32).toString('base64url'),
    signedAt: signedAt.toISOString(),
  });
  const payloadBytes = canonicalPayloadBytes(payload);
  const signatureDer = signOpinion({
    payloadBytes,
    privateKey: input.credential.privateKey,
    certificateDer: input.credential.certificate.der,
    chainDer: input.credential.chain.map((c) => c.der),
    signingTime: signedAt,
  });
  return { payload, payloadBytes, signatureDer };
}
