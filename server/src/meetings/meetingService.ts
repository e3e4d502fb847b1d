import { eq } from 'drizzle-orm';
import type { Meeting } from '../../../shared/domain/meeting.ts';
import type {
  createMeetingRequestSchema,
  UpdateMeetingRequest,
} from '../../../shared/protocol/admin.ts';
import type { z } from 'zod';
import type { Actor } from '../audit/auditLog.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import type { Database } from '../db/openDatabase.ts';
import { meetings, users } from '../db/schema.ts';
import { toMeeting } from '../db/toDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { closeOpenVotesOfMeeting } from '../votes/closeLockedVote.ts';
import { grantAccess, withdrawAccess } from './accessChanges.ts';
import { isMemberVisibleStatus, lockMeeting, memberParticipantIds } from './meetingAccess.ts';

type CreateMeeting = z.output<typeof createMeetingRequestSchema>;

async function assertUserExists(tx: Database, userId: string, what: string): Promise<void> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (row === undefined) throw new ServerError('INVALID_INPUT', `${what}: no such user`);
}

/** A new meeting starts as a draft: only staff see it until it is published. */
export async function createMeeting(
  ctx: ServerContext,
  actor: Actor,
  input: CreateMeeting,
): Promise<Meeting> {
  return writeTransaction(ctx, actor, async (w) => {
    const [existing] = await w.tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.id, input.id));
    if (existing !== undefined) throw new ServerError('CONFLICT', 'a meeting with this id exists');
    if (input.chairId !== null) await assertUserExists(w.tx, input.chairId, 'chairId');
    const [row] = await w.tx
      .insert(meetings)
      .values({
        id: input.id,
        title: input.title,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        location: input.location,
        chairId: input.chairId,
        status: 'draft',
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning();
    if (row === undefined) throw new Error('insert returned nothing');
    const meeting = toMeeting(row);
    w.change(upsertChange('meeting', meeting, meeting.id));
    w.audit('meeting.create', meeting.id, { title: meeting.title });
    return meeting;
  });
}

export async function updateMeeting(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  patch: UpdateMeetingRequest,
): Promise<Meeting> {
  return writeTransaction(ctx, actor, async (w) => {
    const current = await lockMeeting(w.tx, meetingId);
    const startsAt = patch.startsAt === undefined ? current.startsAt : new Date(patch.startsAt);
    const endsAt = patch.endsAt === undefined ? current.endsAt : new Date(patch.endsAt);
    if (endsAt.getTime() < startsAt.getTime())
      throw new ServerError('INVALID_INPUT', 'endsAt must not be before startsAt');
    if (patch.chairId !== undefined && patch.chairId !== null)
      await assertUserExists(w.tx, patch.chairId, 'chairId');
    const [row] = await w.tx
      .update(meetings)
      .set({
        title: patch.title ?? current.title,
        kind: patch.kind ?? current.kind,
        startsAt,
        endsAt,
        location: patch.location ?? current.location,
        chairId: patch.chairId === undefined ? current.chairId : patch.chairId,
        updatedAt: w.now,
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (row === undefined) throw new Error('update returned nothing');
    const meeting = toMeeting(row);
    w.change(upsertChange('meeting', meeting, meeting.id));
    w.audit('meeting.update', meeting.id, { fields: Object.keys(patch) });
    return meeting;
  });
}

export type StatusTransition = 'publish' | 'unpublish' | 'close';

/** Which status each transition leaves from, and where it goes. */
const TRANSITIONS: Record<
  StatusTransition,
  { from: readonly string[]; to: 'draft' | 'published' | 'closed' }
> = {
  publish: { from: ['draft'], to: 'published' },
  unpublish: { from: ['published', 'closed'], to: 'draft' },
  close: { from: ['published'], to: 'closed' },
};

/**
 * Publishing sends the meeting to its member participants (a snapshot each); unpublishing
 * takes it back (a tombstone each). Closing closes every open vote of the meeting in the same
 * transaction, each with its outcome under its rule set (votes/closeLockedVote.ts). Repeating a transition already done is a no-op, so a
 * retried request is harmless; any other wrong state is INVALID_INPUT.
 */
export async function changeMeetingStatus(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  transition: StatusTransition,
): Promise<Meeting> {
  return writeTransaction(ctx, actor, async (w) => {
    const current = await lockMeeting(w.tx, meetingId);
    const rule = TRANSITIONS[transition];
    if (current.status === rule.to) return toMeeting(current);
    if (!rule.from.includes(current.status)) {
      throw new ServerError(
        'INVALID_INPUT',
        `cannot ${transition} a meeting that is ${current.status}`,
      );
    }
    const [row] = await w.tx
      .update(meetings)
      .set({ status: rule.to, updatedAt: w.now })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (row === undefined) throw new Error('update returned nothing');
    const meeting = toMeeting(row);
    w.change(upsertChange('meeting', meeting, meeting.id));
    w.audit(`meeting.${transition}`, meeting.id, { from: current.status, to: rule.to });
    // A closed meeting has no open vote: each is closed now, with its outcome, in this
    // transaction (the meeting's lock keeps a vote from opening meanwhile).
    if (rule.to === 'closed') await closeOpenVotesOfMeeting(w, meetingId, actor.userId);

    const wasVisible = isMemberVisibleStatus(current.status);
    const isVisible = isMemberVisibleStatus(rule.to);
    if (wasVisible !== isVisible) {
      const members = await memberParticipantIds(w.tx, meetingId);
      if (isVisible) await grantAccess(w, meetingId, members);
      else withdrawAccess(w, meetingId, members);
    }
    return meeting;
  });
}
