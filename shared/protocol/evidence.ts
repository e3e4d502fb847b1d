import { z } from 'zod';
import { idSchema, isoInstantSchema, sha256Schema } from '../domain/ids.ts';
import { opinionBallotSchema } from '../domain/opinionBallot.ts';

/**
 * What the secretariat's device needs from the server to build a ballot's evidence export
 * (docs/evidence-export.md): every opinion received for the ballot — verified, rejected and
 * superseded — with the exact payload and `.p7s` bytes, the trust anchors, intermediates and
 * CRLs the server verifies against, the members asked, the certificate bindings and every
 * version of the ballot's documents. Staff only (secretariat, administrator); members get 403.
 */
export const EVIDENCE_ROUTES = {
  evidence: (ballotId: string) => `/api/admin/opinion-ballots/${ballotId}/evidence`,
} as const;

/** Base64 of bytes (standard alphabet, padded). */
const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const evidenceOpinionSchema = z.strictObject({
  id: idSchema,
  memberId: idSchema,
  status: z.enum(['verified', 'rejected']),
  /** The server's verify code for a rejected opinion; null when verified. */
  code: z.string().nullable(),
  message: z.string(),
  /** The server's receive time: the trusted time of every deadline and validity rule. */
  receivedAt: isoInstantSchema,
  /** The CMS signingTime (device clock) of a verified opinion; null when rejected. */
  signingTime: isoInstantSchema.nullable(),
  supersedes: idSchema.nullable(),
  supersededBy: idSchema.nullable(),
  /** The payload exactly as received (RFC 8785 canonical JSON when well formed). */
  payloadBase64: base64Schema,
  /** The detached CMS SignedData exactly as received (DER). */
  signatureBase64: base64Schema,
});
export type EvidenceOpinion = z.infer<typeof evidenceOpinionSchema>;

export const evidenceMemberSchema = z.strictObject({
  id: idSchema,
  displayName: z.string(),
});
export type EvidenceMember = z.infer<typeof evidenceMemberSchema>;

export const evidenceDocumentVersionSchema = z.strictObject({
  documentId: idSchema,
  title: z.string(),
  version: z.number().int().min(1),
  sha256: sha256Schema,
  createdAt: isoInstantSchema,
});
export type EvidenceDocumentVersion = z.infer<typeof evidenceDocumentVersionSchema>;

export const evidenceBindingSchema = z.strictObject({
  userId: idSchema,
  /** SHA-256 of the certificate DER: the identity bound. */
  sha256: sha256Schema,
  serial: z.string(),
  subject: z.string(),
  boundAt: isoInstantSchema,
});
export type EvidenceBinding = z.infer<typeof evidenceBindingSchema>;

export const evidenceTrustSchema = z.strictObject({
  /** DER certificates, base64. */
  anchors: z.array(base64Schema),
  intermediates: z.array(base64Schema),
  /** DER CRLs, base64 (the newest verified CRL of each CA). */
  crls: z.array(base64Schema),
});
export type EvidenceTrust = z.infer<typeof evidenceTrustSchema>;

export const evidenceResponseSchema = z.strictObject({
  ballot: opinionBallotSchema,
  /** The members asked, with their display names. */
  members: z.array(evidenceMemberSchema),
  /** Every version of every document of the ballot (the current one is in `ballot`). */
  documentVersions: z.array(evidenceDocumentVersionSchema),
  /** Every opinion received for the ballot, oldest receipt first. */
  opinions: z.array(evidenceOpinionSchema),
  /** Certificate bindings of the members asked (administration). */
  bindings: z.array(evidenceBindingSchema),
  trust: evidenceTrustSchema,
  /** The grace period after the deadline the server applies (OPINION_GRACE_SECONDS). */
  graceSeconds: z.number().int().min(0),
  serverTime: isoInstantSchema,
});
export type EvidenceResponse = z.infer<typeof evidenceResponseSchema>;
