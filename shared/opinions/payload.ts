import canonicalize from 'canonicalize';
import { z } from 'zod';
import { idSchema, sha256Schema } from '../domain/ids.ts';
import { encodeUtf8, isWellFormedUtf16 } from './utf8.ts';

/**
 * The signed written opinion (phiếu lấy ý kiến): exactly these bytes are signed, as RFC 8785
 * canonical JSON in UTF-8, in a detached CMS SignedData. The payload binds the ballot, the
 * member, the answer, the exact document versions read (SHA-256) and the signing certificate,
 * so a signature cannot be moved to another ballot, member or draft.
 *
 * Invariants (checked by the schema, so the verifier can rely on them):
 * - every string is well-formed UTF-16 and human text is NFC, so one text has one encoding;
 * - `documents` has unique ids; `choice: 'other'` carries a non-empty text;
 * - `signedAt` is the device clock (not trusted; the server keeps its own receive time).
 */
export const OPINION_PAYLOAD_TYPE = 'ecabinet.opinion/v1';

export const OPINION_CHOICES = ['agree', 'disagree', 'other'] as const;
export const opinionChoiceSchema = z.enum(OPINION_CHOICES);
export type OpinionChoice = z.infer<typeof opinionChoiceSchema>;

/** Characters of free text in an opinion. */
export const MAX_OPINION_TEXT = 20_000;
/** Characters of one exception's note. */
export const MAX_EXCEPTION_NOTE = 4_000;
export const MAX_EXCEPTIONS = 200;
export const MAX_DOCUMENTS = 100;
/** Bytes of a canonical payload, signed or received; the schema's maxima could exceed it. */
export const MAX_OPINION_PAYLOAD_BYTES = 512 * 1024;

const humanText = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine(isWellFormedUtf16, 'must be well-formed Unicode')
    .refine((s) => s.normalize('NFC') === s, 'must be NFC-normalised');

/** Certificate serial: lower-case hex of the positive integer, whole bytes, no sign octet. */
export const certSerialSchema = z
  .string()
  .regex(/^(?!00)([0-9a-f]{2}){1,20}$/, 'lower-case hex serial');

/** `Date.prototype.toISOString()` form only (UTC, milliseconds): one instant, one spelling. */
export const utcInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'UTC instant with milliseconds')
  .refine(
    (s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s,
    'not a real instant',
  );

export const opinionDocumentSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().min(1).max(2_147_483_647),
  sha256: sha256Schema,
});
export type OpinionDocument = z.infer<typeof opinionDocumentSchema>;

export const opinionExceptionSchema = z.strictObject({
  /** The article excepted, as the member writes it ("Điều 5", "khoản 2 Điều 7"). */
  article: humanText(200, 1),
  note: humanText(MAX_EXCEPTION_NOTE),
});
export type OpinionException = z.infer<typeof opinionExceptionSchema>;

export const opinionPayloadSchema = z
  .strictObject({
    type: z.literal(OPINION_PAYLOAD_TYPE),
    ballotId: idSchema,
    memberId: idSchema,
    choice: opinionChoiceSchema,
    text: humanText(MAX_OPINION_TEXT),
    exceptions: z.array(opinionExceptionSchema).max(MAX_EXCEPTIONS),
    documents: z.array(opinionDocumentSchema).min(1).max(MAX_DOCUMENTS),
    certSerial: certSerialSchema,
    deviceId: idSchema,
    /** ≥ 128 random bits, base64url: makes each signed opinion unique (the replay key). */
    nonce: z.string().regex(/^[A-Za-z0-9_-]{22,86}$/, 'base64url, 128 to 512 bits'),
    signedAt: utcInstantSchema,
  })
  .refine((p) => new Set(p.documents.map((d) => d.id)).size === p.documents.length, {
    message: 'documents must have unique ids',
    path: ['documents'],
  })
  .refine((p) => p.choice !== 'other' || p.text.trim().length > 0, {
    message: "an 'other' opinion needs its text",
    path: ['text'],
  });
export type OpinionPayload = z.infer<typeof opinionPayloadSchema>;

/** RFC 8785 (JCS) canonical JSON text of any JSON value; throws on NaN/Infinity/lone surrogates. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/**
 * The exact bytes that are signed: UTF-8 of the RFC 8785 canonical JSON of a payload that
 * passed the schema. Parsing first means an unknown key or a wrong type can never be signed.
 */
export function canonicalPayloadBytes(payload: OpinionPayload): Uint8Array {
  const bytes = encodeUtf8(canonicalJson(opinionPayloadSchema.parse(payload)));
  if (bytes.length > MAX_OPINION_PAYLOAD_BYTES)
    throw new RangeError(`opinion payload over ${MAX_OPINION_PAYLOAD_BYTES} bytes`);
  return bytes;
}
