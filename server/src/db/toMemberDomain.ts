import type { InferSelectModel } from 'drizzle-orm';
import type { Comment } from '../../../shared/domain/comment.ts';
import type { Position } from '../../../shared/domain/position.ts';
import { STANCES } from '../../../shared/domain/position.ts';
import type { Ballot, Vote } from '../../../shared/domain/vote.ts';
import { tallyResultSchema, VOTE_CHOICES } from '../../../shared/domain/vote.ts';
import type { voteBallots, comments, positions, votes } from './memberSchema.ts';

/**
 * Rows of the write path's tables → the shared/domain shapes that go on the wire. Enum columns
 * are re-checked (the migration's CHECKs guarantee them) instead of cast blindly; the stored
 * tally is parsed with its schema.
 */

export type CommentRow = InferSelectModel<typeof comments>;
export type PositionRow = InferSelectModel<typeof positions>;
export type VoteRow = InferSelectModel<typeof votes>;
export type BallotRow = InferSelectModel<typeof voteBallots>;

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected ${column} in the database: ${value}`);
  return found;
}

/** `${agendaItemId}:${userId}` (shared/domain/position.ts): one position per member and item. */
export const positionId = (agendaItemId: string, userId: string): string =>
  `${agendaItemId}:${userId}`;

/** `${voteId}:${userId}` (shared/domain/vote.ts): one counted ballot per member and vote. */
export const ballotId = (voteId: string, userId: string): string => `${voteId}:${userId}`;

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date === null ? null : iso(date));

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    parentId: row.parentId,
    authorId: row.authorId,
    body: row.body,
    createdAt: iso(row.createdAt),
    editedAt: isoOrNull(row.editedAt),
    deletedAt: isoOrNull(row.deletedAt),
  };
}

export function toPosition(row: PositionRow): Position {
  return {
    id: positionId(row.agendaItemId, row.userId),
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    userId: row.userId,
    stance: oneOf(STANCES, row.stance, 'positions.stance'),
    note: row.note,
    updatedAt: iso(row.updatedAt),
  };
}

export function toVote(row: VoteRow): Vote {
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    question: row.question,
    ruleSetId: row.ruleSetId,
    status: oneOf(['open', 'closed'] as const, row.status, 'votes.status'),
    openedAt: iso(row.openedAt),
    closedAt: isoOrNull(row.closedAt),
    counts: { for: row.countFor, against: row.countAgainst, abstain: row.countAbstain },
    result: row.result === null ? null : tallyResultSchema.parse(row.result),
  };
}

export function toBallot(row: BallotRow): Ballot {
  return {
    id: ballotId(row.voteId, row.userId),
    voteId: row.voteId,
    meetingId: row.meetingId,
    userId: row.userId,
    choice: oneOf(VOTE_CHOICES, row.choice, 'vote_ballots.choice'),
    castAt: iso(row.castAt),
  };
}
