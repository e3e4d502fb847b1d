import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Participant } from '../../../shared/domain/meeting.ts';
import type { participantInputSchema } from '../../../shared/protocol/admin.ts';
import type { Actor } from '../audit/auditLog.ts';
import { deleteChange, upsertChange } from '../changes/pendingChange.ts';
import { participants, users } from '../db/schema.ts';
import { participantId, toParticipant, type ParticipantRow } from '../db/toDomain.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { grantAccess, withdrawAccess } from './accessChanges.ts';
import { isMemberVisibleStatus, lockMeeting } from './meetingAccess.ts';

type ParticipantInput = z.output<typeof participantInputSchema>;

const sameParticipant = (row: ParticipantRow, input: ParticipantInput): boolean =>
  row.role === input.role &&
  row.substituteFor === input.substituteFor &&
  row.mayVote === input.mayVote;

/**
 * Replaces the meeting's participants (user ids already checked unique). Only differences are
 * written. On a published or closed meeting, a member added gets a snapshot of the meeting
 * and a member removed gets a tombstone (their device erases it, cached papers included).
 */
export async function setParticipants(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  list: readonly ParticipantInput[],
): Promise<Participant[]> {
  return writeTransaction(ctx, actor, async (w) => {
    const meeting = await lockMeeting(w.tx, meetingId);
    const referenced = new Set<string>();
    for (const p of list) {
      referenced.add(p.userId);
      if (p.substituteFor !== null) referenced.add(p.substituteFor);
    }
    const known =
      referenced.size === 0
        ? []
        : await w.tx
            .select({ id: users.id, role: users.role })
            .from(users)
            .where(inArray(users.id, [...referenced]));
    if (known.length !== referenced.size)
      throw new ServerError('INVALID_INPUT', 'a participant refers to an unknown user');
    const roleOf = new Map(known.map((u) => [u.id, u.role]));

    const existing = new Map(
      (await w.tx.select().from(participants).where(eq(participants.meetingId, meetingId))).map(
        (r) => [r.userId, r],
      ),
    );
    const wanted = new Set(list.map((p) => p.userId));
    const removed = [...existing.keys()].filter((userId) => !wanted.has(userId));
    if (removed.length > 0) {
      await w.tx
        .delete(participants)
        .where(and(eq(participants.meetingId, meetingId), inArray(participants.userId, removed)));
      for (const userId of removed)
        w.change(deleteChange('participant', participantId(meetingId, userId), meetingId));
    }

    const added: string[] = [];
    let written = 0;
    for (const input of list) {
      const row = existing.get(input.userId);
      if (row !== undefined && sameParticipant(row, input)) continue;
      const values = {
        role: input.role,
        substituteFor: input.substituteFor,
        mayVote: input.mayVote,
      };
      const [saved] =
        row === undefined
          ? await w.tx
              .insert(participants)
              .values({ meetingId, userId: input.userId, ...values })
              .returning()
          : await w.tx
              .update(participants)
              .set(values)
              .where(
                and(eq(participants.meetingId, meetingId), eq(participants.userId, input.userId)),
              )
              .returning();
      if (saved === undefined) throw new Error('participant write returned nothing');
      w.change(upsertChange('participant', toParticipant(saved), meetingId));
      written += 1;
      if (row === undefined) added.push(input.userId);
    }
    if (written > 0 || removed.length > 0)
      w.audit('meeting.set_participants', meetingId, { added, removed, written });

    if (isMemberVisibleStatus(meeting.status)) {
      // Staff see every meeting anyway; only members' access follows the participant list.
      const isMember = (userId: string): boolean => roleOf.get(userId) === 'member';
      const removedRoles =
        removed.length === 0
          ? []
          : await w.tx
              .select({ id: users.id, role: users.role })
              .from(users)
              .where(inArray(users.id, removed));
      withdrawAccess(
        w,
        meetingId,
        removedRoles.filter((u) => u.role === 'member').map((u) => u.id),
      );
      await grantAccess(w, meetingId, added.filter(isMember));
    }

    const all = await w.tx.select().from(participants).where(eq(participants.meetingId, meetingId));
    return all.map(toParticipant);
  });
}
