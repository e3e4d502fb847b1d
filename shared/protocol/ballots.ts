import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../domain/ids.ts';
import { opinionBallotSchema, opinionRecordSchema } from '../domain/opinionBallot.ts';
import { reminderSchema } from '../domain/reminder.ts';
import { ballotResultSchema } from '../opinions/ballotResultSchema.ts';
import { opinionChoiceSchema } from '../opinions/payload.ts';

/**
 * Administration of written-opinion ballots (workflow 4) over HTTP with a bearer token:
 * the secretariat creates ballots and follows them up; an administrator binds certificates.
 * Opinions themselves arrive as the `opinion.submit` push mutation (shared/sync/mutations.ts).
 */
export const BALLOT_ROUTES = {
  ballots: '/api/admin/opinion-ballots',
  ballotStatus: (ballotId: string) => `/api/admin/opinion-ballots/${ballotId}/status`,
  certificates: '/api/admin/certificates',
  /** POST (secretariat): closes the ballot and stores its result; idempotent. */
  ballotClose: (ballotId: string) => `/api/admin/opinion-ballots/${ballotId}/close`,
  /** POST (secretariat): reminds members who have not answered (all of them, or those named). */
  ballotReminders: (ballotId: string) => `/api/admin/opinion-ballots/${ballotId}/reminders`,
} as const;

export const createOpinionBallotRequestSchema = z.strictObject({
  id: idSchema.optional(),
  meetingId: idSchema.nullable().default(null),
  question: z.string().trim().min(1).max(2000),
  /** The ballot's documents; each must have an uploaded version (the current one is signed). */
  documentIds: z.array(idSchema).min(1).max(100),
  deadline: isoInstantSchema,
  eligibleMemberIds: z.array(idSchema).min(1).max(1000),
  ruleSetId: z.string().min(1).max(64).default('vn.cabinet.2015'),
});
export type CreateOpinionBallotRequest = z.input<typeof createOpinionBallotRequestSchema>;

export const opinionBallotResponseSchema = z.strictObject({ ballot: opinionBallotSchema });

/** A certificate (PEM or DER, base64 of the file) bound to a member's account. */
export const bindCertificateRequestSchema = z.strictObject({
  userId: idSchema,
  certificateBase64: z.string().min(1).max(200_000),
});

export const certificateBindingSchema = z.strictObject({
  userId: idSchema,
  serial: z.string(),
  sha256: z.string(),
  subject: z.string(),
  notAfter: isoInstantSchema,
  boundAt: isoInstantSchema,
});
export type CertificateBinding = z.infer<typeof certificateBindingSchema>;
export const bindCertificateResponseSchema = z.strictObject({ binding: certificateBindingSchema });

/** Follow-up per member: answered and verified, answered but rejected, not yet answered. */
export const memberOpinionStatusSchema = z.strictObject({
  memberId: idSchema,
  displayName: z.string(),
  state: z.enum(['verified', 'rejected', 'not_answered']),
  choice: opinionChoiceSchema.nullable(),
  /** The member's current opinion (verified) or latest rejected one. */
  opinion: opinionRecordSchema.nullable(),
});
export type MemberOpinionStatus = z.infer<typeof memberOpinionStatusSchema>;

/** Defined beside the ballot entity (which carries the result stored at close). */
export { ballotResultSchema, type BallotResult } from '../opinions/ballotResultSchema.ts';

export const ballotStatusResponseSchema = z.strictObject({
  ballot: opinionBallotSchema,
  members: z.array(memberOpinionStatusSchema),
  result: ballotResultSchema,
});
export type BallotStatusResponse = z.infer<typeof ballotStatusResponseSchema>;

/**
 * A reminder to answer (secretariat). Without `memberIds`: every member asked who has no
 * verified opinion yet. With them: those of them still without one (each must be asked on the
 * ballot, else INVALID_INPUT). A closed ballot is CONFLICT.
 */
export const sendRemindersRequestSchema = z.strictObject({
  memberIds: z.array(idSchema).min(1).max(1000).optional(),
});
export type SendRemindersRequest = z.infer<typeof sendRemindersRequestSchema>;

/** The reminders sent (one per member reminded; empty when everyone had answered). */
export const sendRemindersResponseSchema = z.strictObject({
  reminders: z.array(reminderSchema),
});
export type SendRemindersResponse = z.infer<typeof sendRemindersResponseSchema>;
