import type { MeetingSummary } from '../../../shared/domain/offline.ts';

export interface MeetingGroups {
  /** Meetings not yet over (in progress or ahead), soonest first. */
  upcoming: MeetingSummary[];
  /** Meetings that have ended, most recent first. */
  past: MeetingSummary[];
}

/**
 * Splits the list at `now` (epoch ms). A meeting counts as upcoming until it ends, so one in
 * progress stays at the top of the screen where the member needs it, not among past ones.
 * Ties keep a stable order by title so the list does not jump between reloads.
 */
export function groupMeetings(meetings: readonly MeetingSummary[], now: number): MeetingGroups {
  const upcoming: MeetingSummary[] = [];
  const past: MeetingSummary[] = [];
  for (const summary of meetings)
    (Date.parse(summary.meeting.endsAt) > now ? upcoming : past).push(summary);
  const byStart = (a: MeetingSummary, b: MeetingSummary): number =>
    Date.parse(a.meeting.startsAt) - Date.parse(b.meeting.startsAt) ||
    a.meeting.title.localeCompare(b.meeting.title);
  upcoming.sort(byStart);
  past.sort((a, b) => byStart(b, a));
  return { upcoming, past };
}

/** True while `now` lies between the meeting's start and end. */
export function isInProgress(summary: MeetingSummary, now: number): boolean {
  return Date.parse(summary.meeting.startsAt) <= now && now < Date.parse(summary.meeting.endsAt);
}
