import { z } from 'zod';
import { idSchema, isoInstantSchema } from './ids.ts';

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export const voteChoiceSchema = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof voteChoiceSchema>;

export const tallyResultSchema = z.strictObject({
  outcome: z.enum(['passed', 'failed', 'no_quorum']),
  for: z.number().int().min(0),
  against: z.number().int().min(0),
  abstain: z.number().int().min(0),
  notVoted: z.number().int().min(0),
  eligible: z.number().int().min(0),
  present: z.number().int().min(0),
  quorumMet: z.boolean(),
  decidedByChair: z.boolean(),
});

/** A live vote (biểu quyết) on an agenda item, opened and closed by the secretariat. Named. */
export const voteSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  agendaItemId: idSchema,
  question: z.string().min(1).max(2000),
  ruleSetId: z.string().max(64),
  status: z.enum(['open', 'closed']),
  openedAt: isoInstantSchema,
  closedAt: isoInstantSchema.nullable(),
  /** Live counts while open; the final counts once closed. */
  counts: z.strictObject({ for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) }),
  /** Immutable once the vote is closed. */
  result: tallyResultSchema.nullable(),
});
export type Vote = z.infer<typeof voteSchema>;

/** One member's counted choice in a vote (the latest before the close counts). */
export const ballotSchema = z.strictObject({
  /** `${voteId}:${userId}`: at most one counted ballot per member, whatever the device. */
  id: z.string().max(100),
  voteId: idSchema,
  meetingId: idSchema,
  userId: idSchema,
  choice: voteChoiceSchema,
  /** Server receive time: what decides before/after the close. */
  castAt: isoInstantSchema,
});
export type Ballot = z.infer<typeof ballotSchema>;
