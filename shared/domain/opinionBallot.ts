import { z } from 'zod';
import { ballotResultSchema } from '../opinions/ballotResultSchema.ts';
import { OPINION_VERIFY_CODES } from '../opinions/verifyCodes.ts';
import {
  opinionChoiceSchema,
  opinionDocumentSchema,
  opinionExceptionSchema,
} from '../opinions/payload.ts';
import { idSchema, isoInstantSchema } from './ids.ts';

/**
 * A written-opinion ballot (phiếu lấy ý kiến, workflow 4) as the server serves it: the question,
 * the exact current version of each document (what an opinion must sign), the deadline and the
 * members asked. Named OpinionBallot so it is not mistaken for a live-vote Ballot (domain/vote.ts).
 */
export const opinionBallotSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema.nullable(),
  question: z.string().min(1).max(2000),
  documents: z.array(opinionDocumentSchema).min(1).max(100),
  deadline: isoInstantSchema,
  eligibleMemberIds: z.array(idSchema).max(1000),
  ruleSetId: z.string().min(1).max(64),
  status: z.enum(['open', 'closed']),
  createdAt: isoInstantSchema,
  /** Server time of closing; absent or null while open. */
  closedAt: isoInstantSchema.nullable().optional(),
  /** The result stored when the ballot closed (never recomputed); absent or null while open. */
  result: ballotResultSchema.nullable().optional(),
});
export type OpinionBallot = z.infer<typeof opinionBallotSchema>;

export const opinionStatusSchema = z.enum(['verified', 'rejected']);

/** A received signed opinion as the server recorded it (the evidence bytes stay on the server). */
export const opinionRecordSchema = z.strictObject({
  id: idSchema,
  ballotId: idSchema,
  /** The ballot's meeting, if any (for erasing with a meeting on a device). */
  meetingId: idSchema.nullable(),
  memberId: idSchema,
  choice: opinionChoiceSchema.nullable(),
  text: z.string(),
  exceptions: z.array(opinionExceptionSchema),
  certSerial: z.string().nullable(),
  /** The device's claimed signing time (CMS signingTime); not trusted for the deadline. */
  signingTime: isoInstantSchema.nullable(),
  /** The server's receive time: the trusted time of the deadline rule. */
  receivedAt: isoInstantSchema,
  status: opinionStatusSchema,
  code: z.enum(OPINION_VERIFY_CODES).nullable(),
  message: z.string(),
  supersedes: idSchema.nullable(),
  supersededBy: idSchema.nullable(),
});
export type OpinionRecord = z.infer<typeof opinionRecordSchema>;

/**
 * A signed opinion as the device shows it: the server's record once received (verified or
 * rejected, with the server's receive time), or `pending` while it waits in the outbox.
 */
export const opinionViewSchema = opinionRecordSchema.extend({
  status: z.enum(['pending', 'verified', 'rejected']),
  receivedAt: isoInstantSchema.nullable(),
});
export type OpinionView = z.infer<typeof opinionViewSchema>;
