import { z } from 'zod';
import { idSchema } from '../domain/ids.ts';
import { mutationEnvelopeSchema } from '../sync/mutations.ts';

/** Largest batch a device may push at once, in mutations. */
export const MAX_PUSH_BATCH = 500;

/**
 * Client → server `push` (with ack). The server applies the batch's mutations in order, in ONE
 * transaction together with `last_mutation_id` for (user, clientId) (a longer batch in
 * consecutive chunks, each its own transaction: server/src/push/applyPush.ts):
 * - id ≤ last seen → `duplicate`, no new effect;
 * - id = last + 1 → `applied` or `rejected{code}` (a rejection also advances last_mutation_id,
 *   so one poison mutation never blocks the queue);
 * - id > last + 1 → the batch stops there with MUTATION_GAP (nothing after it is looked at).
 * A clientId is bound to the first user who pushes with it; another user using it → FORBIDDEN.
 */
export const pushRequestSchema = z.strictObject({
  clientId: idSchema,
  mutations: z.array(mutationEnvelopeSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const MUTATION_REJECT_CODES = [
  'UNKNOWN_MUTATION',
  'INVALID_ARGS',
  'NOT_FOUND',
  'FORBIDDEN',
  'NOT_AUTHOR',
  'VOTING_CLOSED',
  'NOT_ELIGIBLE',
  'MEETING_STARTED',
  /**
   * A signed opinion the verifier refused (kept on the server as rejected evidence). The
   * message starts with the OpinionVerifyCode (shared/opinions/verifyCodes.ts) and a colon.
   */
  'OPINION_REJECTED',
  /** The meeting is closed: comments, positions and ballots in it are no longer accepted. */
  'MEETING_CLOSED',
] as const;
export type MutationRejectCode = (typeof MUTATION_REJECT_CODES)[number];

export const mutationAckSchema = z.discriminatedUnion('status', [
  z.strictObject({ mutationId: z.number().int().min(1), status: z.literal('applied') }),
  z.strictObject({ mutationId: z.number().int().min(1), status: z.literal('duplicate') }),
  z.strictObject({ mutationId: z.number().int().min(1), status: z.literal('rejected'), code: z.enum(MUTATION_REJECT_CODES), message: z.string() }),
]);
export type MutationAck = z.infer<typeof mutationAckSchema>;

export const pushResponseSchema = z.strictObject({
  acks: z.array(mutationAckSchema),
  /** Set when the batch stopped at a gap: the id the server expects next. */
  expectedMutationId: z.number().int().min(1).nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
