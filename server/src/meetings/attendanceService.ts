import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Actor } from '../audit/auditLog.ts';
import { attendance } from '../db/memberSchema.ts';
import { participants } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { lockMeeting } from './meetingAccess.ts';

/**
 * Records who is present at a meeting (the secretariat's roll call): the whole list, replacing
 * the previous one; only participants can be present. Read when a live vote closes, for the
 * quorum (votes/closeTally.ts); a closed vote keeps the count it was decided with. Attendance
 * is not on the devices' change log (no entity for it in the protocol); the tally stored on
 * each closed vote carries the present count.
 */
export async function setAttendance(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  present: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(present.map((id) => id.toLowerCase()))];
  return writeTransaction(ctx, actor, async (w) => {
    await lockMeeting(w.tx, meetingId);
    if (wanted.length > 0) {
      const known = await w.tx
        .select({ userId: participants.userId })
        .from(participants)
        .where(and(eq(participants.meetingId, meetingId), inArray(participants.userId, wanted)));
      if (known.length !== wanted.length)
        throw new ServerError('INVALID_INPUT', 'only participants of the meeting can be present');
    }
    const gone = await w.tx
      .delete(attendance)
      .where(
        wanted.length === 0
          ? eq(attendance.meetingId, meetingId)
          : and(eq(attendance.meetingId, meetingId), notInArray(attendance.userId, wanted)),
      )
      .returning({ userId: attendance.userId });
    const added =
      wanted.length === 0
        ? []
        : await w.tx
            .insert(attendance)
            .values(wanted.map((userId) => ({ meetingId, userId, updatedAt: w.now })))
            .onConflictDoNothing()
            .returning({ userId: attendance.userId });
    if (gone.length > 0 || added.length > 0)
      w.audit('meeting.set_attendance', meetingId, {
        present: wanted.length,
        added: added.map((r) => r.userId),
        removed: gone.map((r) => r.userId),
      });
    const rows = await w.tx
      .select({ userId: attendance.userId })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .orderBy(asc(attendance.userId));
    return rows.map((r) => r.userId);
  });
}
