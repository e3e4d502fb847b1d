import { z } from 'zod';
import { ballotStatusResponseSchema } from '../protocol/ballots.ts';
import {
  MAX_EXCEPTIONS,
  MAX_OPINION_TEXT,
  opinionChoiceSchema,
  opinionExceptionSchema,
} from '../opinions/payload.ts';
import { idSchema, isoInstantSchema, sha256Schema } from './ids.ts';
import { opinionBallotSchema, opinionViewSchema } from './opinionBallot.ts';

/**
 * What the IPC channels of workflow 4 (written opinions) carry: the member's signing
 * certificate (public facts only; the key never leaves the core), ballots with my answers,
 * and the secretariat's follow-up table.
 */

export const certificateInfoSchema = z.strictObject({
  /** Lower-case hex serial. */
  serial: z.string(),
  subject: z.string(),
  issuer: z.string(),
  notAfter: isoInstantSchema,
  sha256: sha256Schema,
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** Largest PKCS#12 accepted over IPC, as base64 characters (1 MiB of bytes). */
export const MAX_PKCS12_BASE64 = 1_400_000;

export const certificateImportInputSchema = z.strictObject({
  pkcs12Base64: z
    .string()
    .min(1)
    .max(MAX_PKCS12_BASE64)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  password: z.string().max(1024),
});

/** A ballot's document as this device knows it (title when the meeting's papers are here). */
export const ballotDocumentViewSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().min(1),
  sha256: sha256Schema,
  title: z.string().nullable(),
  meetingId: idSchema.nullable(),
});

export const ballotViewSchema = z.strictObject({
  ballot: opinionBallotSchema,
  documents: z.array(ballotDocumentViewSchema),
  /** My current answer: the newest pending one, else my verified one, else my latest refused. */
  myOpinion: opinionViewSchema.nullable(),
});
export type BallotView = z.infer<typeof ballotViewSchema>;

export const opinionSignInputSchema = z.strictObject({
  ballotId: idSchema,
  choice: opinionChoiceSchema,
  text: z.string().max(MAX_OPINION_TEXT),
  exceptions: z.array(opinionExceptionSchema).max(MAX_EXCEPTIONS),
  password: z.string().max(1024),
});

export const opinionListSchema = z.strictObject({
  ballotId: idSchema,
  /** Mine, newest first: pending, verified (with the server's receive time), refused (code). */
  opinions: z.array(opinionViewSchema),
});

export const ballotFollowUpSchema = ballotStatusResponseSchema;
