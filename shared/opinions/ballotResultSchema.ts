import { z } from 'zod';

/**
 * The result of a written-opinion ballot (shared/opinions/ballotResult.ts computes it): counts
 * per choice of the current verified opinions, the members without one, and the outcome under
 * the ballot's rule set (shared/rules). Its own module so that both the ballot entity (which
 * carries the result stored at close) and the follow-up protocol can use it.
 */
export const ballotResultSchema = z.strictObject({
  agree: z.number().int().min(0),
  disagree: z.number().int().min(0),
  other: z.number().int().min(0),
  notAnswered: z.number().int().min(0),
  rejected: z.number().int().min(0),
  eligible: z.number().int().min(0),
  outcome: z.enum(['passed', 'failed', 'no_quorum']),
  decidedByChair: z.boolean(),
});
export type BallotResult = z.infer<typeof ballotResultSchema>;
