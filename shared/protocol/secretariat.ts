import { z } from 'zod';
import { idSchema } from '../domain/ids.ts';
import { voteSchema } from '../domain/vote.ts';
import { attendanceSchema } from '../domain/attendance.ts';

/**
 * Live-vote operations of the secretariat (domain.md workflow 3). Online only: they are socket
 * events with an ack `Result<T, ServerErrorCode | 'VOTING_CLOSED'>`, never queued in an outbox
 * (opening a vote late, from a device that was offline, would surprise the room). The server
 * takes the caller's identity and role from the socket's session and refuses anyone who is not
 * secretariat or admin with FORBIDDEN; an item or vote the caller cannot see is NOT_FOUND.
 */
export const SECRETARIAT_EVENTS = {
  voteOpen: 'vote:open',
  voteClose: 'vote:close',
  attendanceSet: 'attendance:set',
} as const;

/**
 * `vote:open`. `voteId` is chosen by the device so that a retry after a lost ack opens the same
 * vote once (the server answers the existing vote when the id, item and question match, and
 * CONFLICT when the id is taken by something else). Without it the server picks one.
 */
export const voteOpenRequestSchema = z.strictObject({
  voteId: idSchema.optional(),
  meetingId: idSchema,
  agendaItemId: idSchema,
  question: z.string().trim().min(1).max(2000),
  /** One of shared/rules/ruleSet.ts RULE_SETS. */
  ruleSetId: z.string().min(1).max(64),
});
export type VoteOpenRequest = z.infer<typeof voteOpenRequestSchema>;

/** `vote:close`. Closing a closed vote answers it unchanged (idempotent). */
export const voteCloseRequestSchema = z.strictObject({ voteId: idSchema });
export type VoteCloseRequest = z.infer<typeof voteCloseRequestSchema>;

/** The ack value of both events: the vote as it now stands (with `result` once closed). */
export const voteOperationResponseSchema = z.strictObject({ vote: voteSchema });
export type VoteOperationResponse = z.infer<typeof voteOperationResponseSchema>;

/**
 * `attendance:set`: the roll call of a meeting, the whole list of user ids present (replacing
 * the previous one). Only participants can be present (INVALID_INPUT otherwise); a closed
 * meeting's roll call is final (CONFLICT). Idempotent: the same list again changes nothing.
 */
export const attendanceSetRequestSchema = z.strictObject({
  meetingId: idSchema,
  present: z.array(idSchema).max(10_000),
});
export type AttendanceSetRequest = z.infer<typeof attendanceSetRequestSchema>;

/** The ack value of `attendance:set`: the meeting's attendance as it now stands. */
export const attendanceSetResponseSchema = z.strictObject({ attendance: attendanceSchema });
export type AttendanceSetResponse = z.infer<typeof attendanceSetResponseSchema>;
