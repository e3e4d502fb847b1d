import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Attendance } from '../../../shared/domain/attendance.ts';
import type { AttendanceSetRequest } from '../../../shared/protocol/secretariat.ts';
import type { Actor } from '../audit/auditLog.ts';
import { actorOf, requireRole, type Principal } from '../auth/authService.ts';
import { upsertChange } from '../changes/pendingChange.ts';
import { attendance } from '../db/memberSchema.ts';
import { participants } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { ServerContext } from '../ServerContext.ts';
import { ServerError } from '../ServerError.ts';
import { attendanceRecord } from './attendanceRecord.ts';
import { lockMeeting } from './meetingAccess.ts';

const STAFF = ['secretariat', 'admin'] as const;

/**
 * Records who is present at a meeting (the secretariat's roll call): the whole list, replacing
 * the previous one; only participants can be present. A closed meeting's roll call is final
 * (CONFLICT): its votes were decided on it and devices show the quorum from it.
 *
 * Read when a live vote closes, for the quorum (votes/closeTally.ts); a closed vote keeps the
 * count it was decided with. When the list changes, the meeting's attendance record
 * (shared/domain/attendance.ts, one per meeting) goes to the change log for everyone who may
 * see the meeting; an unchanged list writes nothing.
 */
export async function setAttendance(
  ctx: ServerContext,
  actor: Actor,
  meetingId: string,
  present: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(present.map((id) => id.toLowerCase()))];
  return writeTransaction(ctx, actor, async (w) => {
    const meeting = await lockMeeting(w.tx, meetingId);
    if (meeting.status === 'closed')
      throw new ServerError('CONFLICT', 'the meeting is closed; its roll call is final');
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
    const record = await attendanceRecord(w.tx, meetingId);
    if (gone.length > 0 || added.length > 0) {
      w.change(upsertChange('attendance', record, meetingId));
      w.audit('meeting.set_attendance', meetingId, {
        present: wanted.length,
        added: added.map((r) => r.userId),
        removed: gone.map((r) => r.userId),
      });
    }
    return record.present;
  });
}

/**
 * `attendance:set` from a device (secretariat/admin; FORBIDDEN otherwise): the same roll call
 * as PUT .../attendance, answered with the meeting's attendance record as it now stands.
 */
export async function setAttendanceAs(
  ctx: ServerContext,
  principal: Principal,
  request: AttendanceSetRequest,
): Promise<Attendance> {
  requireRole(principal, STAFF);
  const meetingId = request.meetingId.toLowerCase();
  const present = await setAttendance(ctx, actorOf(principal), meetingId, request.present);
  return { id: meetingId, meetingId, present };
}
