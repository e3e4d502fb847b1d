import { and, eq } from 'drizzle-orm';
import { isStaff, type Principal } from '../auth/authService.ts';
import type { Database } from '../db/openDatabase.ts';
import { agendaItems, meetings, participants } from '../db/schema.ts';
import type { AgendaItemRow, MeetingRow, ParticipantRow } from '../db/toDomain.ts';
import { isMemberVisibleStatus } from '../meetings/meetingAccess.ts';
import type { LookupCache } from './LookupCache.ts';
import type { MutationScope } from './MutationScope.ts';
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
 * With `cache` (MutationScope.cache) the meeting and participant rows are read once per push
 * transaction; the decision is still made for every call.
 */
export async function visibleMeeting(
  tx: Database,
  principal: Principal,
  meetingId: string,
  what = 'meeting',
  cache?: LookupCache,
): Promise<MeetingView> {
  const load = async (): Promise<MeetingView | undefined> => {
    const [found] = await tx
      .select({ meeting: meetings, participant: participants })
      .from(meetings)
      .leftJoin(
        participants,
        and(eq(participants.meetingId, meetings.id), eq(participants.userId, principal.userId)),
      )
      .where(eq(meetings.id, meetingId));
    return found;
  };
  const row =
    cache === undefined
      ? await load()
      : await cache.get(`meeting:${principal.userId}:${meetingId.toLowerCase()}`, load);
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
  cache?: LookupCache,
): Promise<{ meeting: MeetingRow; participant: ParticipantRow }> {
  const { meeting, participant } = await visibleMeeting(tx, principal, meetingId, what, cache);
  if (participant === null)
    throw new MutationRejected('FORBIDDEN', 'only participants of the meeting may do this');
  return { meeting, participant };
}

/** The agenda item, which must belong to `meetingId`; NOT_FOUND otherwise. */
export async function requireAgendaItem(
  tx: Database,
  meetingId: string,
  agendaItemId: string,
  cache?: LookupCache,
): Promise<AgendaItemRow> {
  const load = async (): Promise<AgendaItemRow | undefined> => {
    const [found] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meetingId)));
    return found;
  };
  const item =
    cache === undefined
      ? await load()
      : await cache.get(
          `agendaItem:${meetingId.toLowerCase()}:${agendaItemId.toLowerCase()}`,
          load,
        );
  if (item === undefined) throw new MutationRejected('NOT_FOUND', 'no such agenda item');
  return item;
}

/**
 * What members write in a meeting (comments, positions, ballots) is accepted only while the
 * meeting is not closed: a closed meeting is over, its record final. MEETING_CLOSED otherwise,
 * decided on the meeting row the server reads in the mutation's transaction (server time).
 */
export function requireNotClosed(meeting: MeetingRow): void {
  if (meeting.status === 'closed')
    throw new MutationRejected('MEETING_CLOSED', 'the meeting is closed');
}

/**
 * What a member writes on an agenda item (a comment, a position) needs, checked in this order:
 * the caller takes part in the meeting (requireParticipant), the meeting is not closed
 * (requireNotClosed), the item belongs to it (requireAgendaItem). Returns the meeting.
 */
export async function requireOpenItemForParticipant(
  s: MutationScope,
  meetingId: string,
  agendaItemId: string,
): Promise<MeetingRow> {
  const { meeting } = await requireParticipant(s.tx, s.principal, meetingId, 'meeting', s.cache);
  requireNotClosed(meeting);
  await requireAgendaItem(s.tx, meetingId, agendaItemId, s.cache);
  return meeting;
}
