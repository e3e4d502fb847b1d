import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { meetings, participants, users } from '../db/schema.ts';
import { ServerError } from '../ServerError.ts';
import type { MeetingRow } from '../db/toDomain.ts';

/**
 * Who may see a meeting. Staff (secretariat, admin) see every meeting, drafts included.
 * A member sees a meeting only while it is published or closed AND they are a participant;
 * everything else answers NOT_FOUND, the same as a meeting that does not exist.
 */
export const MEMBER_VISIBLE_STATUSES = ['published', 'closed'] as const;

export const isMemberVisibleStatus = (status: string): boolean =>
  status === 'published' || status === 'closed';

/** SQL condition: `userId` (a member) may see the meeting whose id is `meetingId` (a column). */
export function memberCanSee(db: Database, userId: string, meetingId: AnyColumn | SQL): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(meetings)
      .innerJoin(participants, eq(participants.meetingId, meetings.id))
      .where(
        and(
          eq(meetings.id, meetingId),
          inArray(meetings.status, [...MEMBER_VISIBLE_STATUSES]),
          eq(participants.userId, userId),
        ),
      ),
  );
}

/** Ids of the meetings a member may see now (for socket rooms). */
export async function meetingsVisibleToMember(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(participants, eq(participants.meetingId, meetings.id))
    .where(
      and(eq(participants.userId, userId), inArray(meetings.status, [...MEMBER_VISIBLE_STATUSES])),
    );
  return rows.map((r) => r.id);
}

/** Participants whose account role is `member`: the people whose access follows the meeting. */
export async function memberParticipantIds(db: Database, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ id: participants.userId })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(eq(participants.meetingId, meetingId), eq(users.role, 'member')));
  return rows.map((r) => r.id);
}

/** Locks the meeting row for the rest of the transaction (serialises edits of one meeting). */
export async function lockMeeting(tx: Database, meetingId: string): Promise<MeetingRow> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (row === undefined) throw new ServerError('NOT_FOUND', 'no such meeting');
  return row;
}
