import { asc, eq } from 'drizzle-orm';
import type { Attendance } from '../../../shared/domain/attendance.ts';
import { attendance } from '../db/memberSchema.ts';
import type { Database } from '../db/openDatabase.ts';

/**
 * The meeting's roll call as the change log carries it (shared/domain/attendance.ts): one
 * record per meeting, id = meeting id, the present user ids sorted. Read in the caller's
 * transaction, after its writes, so it is what commits.
 */
export async function attendanceRecord(tx: Database, meetingId: string): Promise<Attendance> {
  const rows = await tx
    .select({ userId: attendance.userId })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.userId));
  return { id: meetingId, meetingId, present: rows.map((r) => r.userId) };
}
