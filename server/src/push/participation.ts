import { and, eq } from 'drizzle-orm';
import { isStaff, type Principal } from '../auth/authService.ts';
import type { Database } from '../db/openDatabase.ts';
import { agendaItems, meetings, participants } from '../db/schema.ts';
import type { AgendaItemRow, MeetingRow, ParticipantRow } from '../db/toDomain.ts';
import { isMemberVisibleStatus } from '../meetings/meetingAccess.ts';
import { MutationRejected } from './MutationRejected.ts';

/** A meeting the caller may see, and their participant row in it (null: not a participant). */
export interface MeetingView {
  meeting: MeetingRow;
  participant: ParticipantRow | null;
}

/**
 * The meeting as the caller may see it, or NOT_FOUND — the same answer whether the meeting does
 * not exist or the caller may not see it (a member sees published or closed meetings they take
 * part in; staff see every meeting), so a refusal never tells a member that something exists.
 * `what` names the thing the caller asked about (a comment, a vote): the refusal for a real
 * comment in a hidden meeting must read exactly like the one for a comment that never existed.
 */
export async function visibleMeeting(
  tx: Database,
  principal: Principal,
  meetingId: string,
  what = 'meeting',
): Promise<MeetingView> {
  const [row] = await tx
    .select({ meeting: meetings, participant: participants })
    .from(meetings)
    .leftJoin(
      participants,
      and(eq(participants.meetingId, meetings.id), eq(participants.userId, principal.userId)),
    )
    .where(eq(meetings.id, meetingId));
  if (row === undefined) throw new MutationRejected('NOT_FOUND', `no such ${what}`);
  const visible =
    isStaff(principal.role) ||
    (row.participant !== null && isMemberVisibleStatus(row.meeting.status));
  if (!visible) throw new MutationRejected('NOT_FOUND', `no such ${what}`);
  return row;
}

/**
 * Comments and positions are written by participants only: NOT_FOUND when the caller may not
 * see the meeting; FORBIDDEN for staff who see it but do not take part in it.
 */
export async function requireParticipant(
  tx: Database,
  principal: Principal,
  meetingId: string,
  what = 'meeting',
): Promise<{ meeting: MeetingRow; participant: ParticipantRow }> {
  const { meeting, participant } = await visibleMeeting(tx, principal, meetingId, what);
  if (participant === null)
    throw new MutationRejected('FORBIDDEN', 'only participants of the meeting may do this');
  return { meeting, participant };
}

/** The agenda item, which must belong to `meetingId`; NOT_FOUND otherwise. */
export async function requireAgendaItem(
  tx: Database,
  meetingId: string,
  agendaItemId: string,
): Promise<AgendaItemRow> {
  const [item] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
  if (item === undefined) throw new MutationRejected('NOT_FOUND', 'no such agenda item');
  return item;
}
