import { OID } from '../../../../shared/opinions/oids.ts';
import type { OpinionDocument, OpinionPayload } from '../../../../shared/opinions/payload.ts';
import type { TrustStore } from './TrustStore.ts';

/**
 * Inputs and outputs of `verifyOpinion`. Pure: the database is reached only through the
 * lookups passed in, so the lead can wire them to Drizzle and the tests to plain maps.
 */

/** What the server itself knows about the submission (never taken from the payload). */
export interface OpinionEnvelope {
  /** The ballot the caller submits to (from the route / socket event, checked for access). */
  readonly ballotId: string;
  /** The authenticated caller. */
  readonly memberId: string;
  /** The authenticated device, when known. */
  readonly deviceId?: string;
  /** The certificate the device says it signed with, when it says so. */
  readonly certSerial?: string;
}

/** The signer certificate, for the binding lookup. */
export interface SignerCertificateRef {
  /** Lower-case hex serial (payload spelling). */
  readonly serialHex: string;
  /** SHA-256 of the certificate DER, lower-case hex: the identity to bind to. */
  readonly sha256: string;
  /** The issuer Name DER (serials are unique only per issuer). */
  readonly issuerDer: Uint8Array;
}

export interface BallotState {
  /** The deadline the secretariat set. */
  readonly deadline: Date;
  /** Accepted after the deadline for this long, ms (0 for none), decided on trusted time. */
  readonly graceMs: number;
  /** The current version of every document of the ballot: what an opinion must have signed. */
  readonly documents: readonly OpinionDocument[];
}

type MaybePromise<T> = T | Promise<T>;

export interface OpinionLookups {
  /** Is this certificate bound to this member (administration: certificates per member)? */
  isCertificateBound(memberId: string, cert: SignerCertificateRef): MaybePromise<boolean>;
  /** The ballot's deadline and current documents; null/undefined when there is no such ballot. */
  ballot(ballotId: string): MaybePromise<BallotState | null | undefined>;
  /**
   * Has an opinion with this replay key already been accepted? The key is the SHA-256 of the
   * payload, which carries a random nonce: it survives any re-encoding of the CMS and ECDSA
   * signature malleability. The database's unique index on it is what finally enforces one
   * effect; this is the early, typed answer.
   */
  hasAccepted(replayKey: string): MaybePromise<boolean>;
}

export interface VerifyPolicy {
  /** Largest signature blob accepted, bytes. */
  readonly maxSignatureBytes: number;
  /** Deepest ASN.1 nesting accepted in the signature blob. */
  readonly maxDepth: number;
  /** Most ASN.1 values accepted in the signature blob. */
  readonly maxNodes: number;
  /** How far signingTime may be ahead of trusted time, ms. */
  readonly maxFutureSkewMs: number;
  /** Allowed distance between the payload's signedAt and the signingTime attribute, ms. */
  readonly maxSignedAtDriftMs: number;
  readonly maxIntermediates: number;
  readonly allowedExtendedKeyUsages: ReadonlySet<string>;
  readonly requireRevocationInfo: boolean;
}

export const DEFAULT_VERIFY_POLICY: VerifyPolicy = {
  maxSignatureBytes: 64 * 1024,
  maxDepth: 32,
  maxNodes: 8192,
  maxFutureSkewMs: 5 * 60_000,
  maxSignedAtDriftMs: 1_000,
  maxIntermediates: 4,
  allowedExtendedKeyUsages: new Set([
    OID.emailProtection,
    OID.documentSigning,
    OID.msDocumentSigning,
    OID.anyExtendedKeyUsage,
  ]),
  requireRevocationInfo: true,
};

export interface VerifyOpinionInput {
  readonly signatureDer: Uint8Array;
  readonly payloadBytes: Uint8Array;
  readonly envelope: OpinionEnvelope;
  /** Server receive time (or an RFC 3161 time where one is verified): decides every time rule. */
  readonly trustedTime: Date;
  readonly trust: TrustStore;
  readonly lookups: OpinionLookups;
  readonly policy?: Partial<VerifyPolicy>;
}

export interface VerifiedOpinion {
  readonly payload: OpinionPayload;
  readonly certSerial: string;
  readonly certSha256: string;
  /** RFC 2253-style subject of the signer certificate (for display and the audit log). */
  readonly subject: string;
  readonly issuer: string;
  /** The device's claimed signing time (CMS signingTime). */
  readonly signingTime: Date;
  /** SHA-256 of the signature DER as received, lower-case hex (store it with the opinion). */
  readonly signatureSha256: string;
  /** SHA-256 of the payload bytes, lower-case hex: the replay key. */
  readonly replayKey: string;
}
