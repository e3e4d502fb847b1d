import { z } from 'zod';
import { idSchema } from './ids.ts';
import { PARTICIPANT_ROLES } from './meeting.ts';

const count = z.number().int().min(0);

/** One participant on the roll call, as `attendance:get` shows it. */
export const attendeeViewSchema = z.strictObject({
  userId: idSchema,
  /** Display name, null while the directory entry has not synced. */
  name: z.string().nullable(),
  role: z.enum(PARTICIPANT_ROLES),
  /** Whether their presence counts toward the quorum (their vote counts). */
  mayVote: z.boolean(),
  present: z.boolean(),
});
export type AttendeeView = z.infer<typeof attendeeViewSchema>;

/**
 * A meeting's attendance and quorum on this device (workflow 3): who the secretariat recorded
 * present and whether the quorum is reached, counted as the rule set counts it
 * (shared/rules/quorum.ts: voting participants only).
 */
export const attendanceViewSchema = z.strictObject({
  meetingId: idSchema,
  /** False until the secretariat has taken a roll call (nobody counts as present then). */
  recorded: z.boolean(),
  /** The meeting's participants in the order of the participant list, each present or not. */
  attendees: z.array(attendeeViewSchema),
  quorum: z.strictObject({
    /** Voting participants recorded present. */
    present: count,
    /** Voting participants. */
    eligible: count,
    /** Present voters needed for the quorum. */
    needed: count,
    met: z.boolean(),
    /** The rule set the quorum is judged by (shared/rules/ruleSet.ts), e.g. 2/3. */
    numerator: z.number().int().min(0),
    denominator: z.number().int().min(1),
  }),
});
export type AttendanceView = z.infer<typeof attendanceViewSchema>;
