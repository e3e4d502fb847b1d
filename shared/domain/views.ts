import { z } from 'zod';
import { commentSchema } from './comment.ts';
import { idSchema, isoInstantSchema } from './ids.ts';
import { stanceSchema } from './position.ts';
import { voteChoiceSchema, voteSchema } from './vote.ts';

/**
 * View models of what members write (comments, positions, votes) and of the device's outbox,
 * as the IPC channels return them. Each shows the device's optimistic state: a change the
 * server has not acknowledged yet is shown as made, flagged `pending`; a change the server
 * refused is undone and its `rejection` is shown until the user dismisses it.
 */

const count = z.number().int().min(0);
const epochMs = z.number().int().min(0);

/** A local change the server refused (kept for the sync panel until dismissed). */
export const rejectionSchema = z.strictObject({
  mutationId: z.number().int().min(1),
  /** A mutation kind (shared/sync/mutations.ts), e.g. `vote.cast`. */
  kind: z.string().max(64),
  /** What the change said, for the user to recognise it: the comment body (first 200
   * characters), the stance and note of a position, the choice of a vote. Plain text. */
  summary: z.string().max(2100),
  /** A MutationRejectCode (shared/protocol/push.ts); the UI translates it. */
  code: z.string().max(64),
  /** The server's own words, for the details view and logs. */
  message: z.string().max(2000),
  /** When the change was made, by the device clock, epoch ms. */
  clientTime: epochMs,
  /** When the device learned of the refusal, epoch ms. */
  rejectedAt: epochMs,
  meetingId: idSchema.nullable(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const commentViewSchema = z.strictObject({
  comment: commentSchema,
  /** 0 for a comment on the item, parent's depth + 1 for a reply. */
  depth: z.number().int().min(0),
  /** The author's display name, null when the directory entry has not synced. */
  authorName: z.string().nullable(),
  mine: z.boolean(),
  pending: z.boolean(),
  /** The latest refused change to this comment. A refused creation is listed from the
   * device's copy, with this set, until dismissed. */
  rejection: rejectionSchema.nullable(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

/** The comments of one agenda item in thread order: each comment followed by its replies
 * (depth first), siblings oldest first. */
export const commentThreadSchema = z.strictObject({
  agendaItemId: idSchema,
  comments: z.array(commentViewSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** How members stand on one item (secretariat only). */
export const positionAggregateSchema = z.strictObject({
  noObjection: count,
  wishToSpeak: count,
  object: count,
  /** Voting participants (chair, members, substitutes) with no position on the item. */
  noAnswer: count,
});
export type PositionAggregate = z.infer<typeof positionAggregateSchema>;

export const itemPositionViewSchema = z.strictObject({
  agendaItemId: idSchema,
  /** 1-based agenda order. */
  order: z.number().int().min(1),
  title: z.string(),
  /** My position, null when I gave none. */
  mine: z
    .strictObject({ stance: stanceSchema, note: z.string().max(2000), updatedAt: isoInstantSchema })
    .nullable(),
  pending: z.boolean(),
  rejection: rejectionSchema.nullable(),
  /** null unless the user is secretariat or admin. */
  aggregate: positionAggregateSchema.nullable(),
});
export type ItemPositionView = z.infer<typeof itemPositionViewSchema>;

export const meetingPositionsSchema = z.strictObject({
  meetingId: idSchema,
  /** The meeting has started by the last known server time: positions:set is refused. */
  started: z.boolean(),
  items: z.array(itemPositionViewSchema),
  /** Items nobody objects to or wishes to speak on, in agenda order (secretariat only). */
  consent: z.array(idSchema).nullable(),
});
export type MeetingPositions = z.infer<typeof meetingPositionsSchema>;

export const ballotViewSchema = z.strictObject({
  choice: voteChoiceSchema,
  castAt: isoInstantSchema,
  /** Not acknowledged by the server yet: not counted in `vote.counts`. */
  pending: z.boolean(),
});
export type BallotView = z.infer<typeof ballotViewSchema>;

export const voteViewSchema = z.strictObject({
  /** As the server last sent it: live counts while open, the result once closed. */
  vote: voteSchema,
  agendaItemTitle: z.string().nullable(),
  myBallot: ballotViewSchema.nullable(),
  /** The latest refused ballot for this vote (e.g. VOTING_CLOSED), until dismissed. */
  rejection: rejectionSchema.nullable(),
  /** The choice the refused ballot carried. */
  rejectedChoice: voteChoiceSchema.nullable(),
  /** False when the meeting's participant list says my vote does not count. */
  mayVote: z.boolean(),
});
export type VoteView = z.infer<typeof voteViewSchema>;

/** Votes of a meeting, newest opened first. */
export const meetingVotesSchema = z.strictObject({
  meetingId: idSchema,
  votes: z.array(voteViewSchema),
});
export type MeetingVotes = z.infer<typeof meetingVotesSchema>;

export const outboxCountsSchema = z.strictObject({
  /** Changes not acknowledged by the server yet. */
  pending: count,
  /** Refused changes not dismissed yet. */
  rejected: count,
  /** The server refused this app's protocol version: nothing is sent until the app is updated. */
  updateRequired: z.boolean(),
});
export type OutboxCounts = z.infer<typeof outboxCountsSchema>;

export const outboxStatusSchema = z.strictObject({
  pending: count,
  /** Oldest first. */
  rejected: z.array(rejectionSchema),
  /** Last push the server answered, epoch ms; null if none since the app started. */
  lastPushAt: epochMs.nullable(),
  /** Why the last push failed (cleared by the next answered push). Codes: SERVER_UNREACHABLE
   * (no answer in time), MUTATION_GAP (the server expects mutations this device no longer
   * has), PROTOCOL_UNSUPPORTED, or the server's error code. */
  lastError: z
    .strictObject({ code: z.string().max(64), message: z.string().max(2000), at: epochMs })
    .nullable(),
  updateRequired: z.boolean(),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
