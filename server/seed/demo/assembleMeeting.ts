import type { Meeting, Participant } from '../../../shared/domain/meeting.ts';
import type { DemoMeeting } from '../DemoData.ts';
import { demoId } from './demoIds.ts';
import { ROSTER, rosterEntry } from './governmentRoster.ts';
import { hanoiInstant, type CalendarDay } from './hanoiTime.ts';
import type { ItemSpec } from './ItemSpec.ts';

/** Who is invited: every member and the secretariat, or (for an unpublished draft) the secretariat only. */
export type Invitees = 'government' | 'secretariat';

export interface MeetingPlan {
  /** Fixes the meeting's id and, through it, its items' and papers' ids (see demoIds.ts). */
  n: number;
  title: string;
  kind: Meeting['kind'];
  status: Meeting['status'];
  day: CalendarDay;
  /** Hanoi time the first item starts. */
  startHour: number;
  startMinute: number;
  location: string;
  chairKey: string;
  items: ItemSpec[];
  invitees: Invitees;
  /** Deputy ministers attending in place of their minister, by roster key. */
  substitutes: string[];
  /** Whether substitutes vote at this meeting (a per-meeting setting under the regulation). */
  substitutesMayVote: boolean;
}

/** Time the chair keeps after the last item for the closing conclusions, minutes. */
const CLOSING_MINUTES = 15;

/**
 * Turns a plan into rows: items get positions 1… and back-to-back time slots from the start;
 * papers get positions 1… within their item; ids are `demoId(group, …)` from the meeting's `n`
 * (item `n*100 + position`, paper `n*1000 + item*10 + position`, at most 9 papers per item).
 */
export function assembleMeeting(plan: MeetingPlan): DemoMeeting {
  const meetingId = demoId('meeting', plan.n);
  const start = hanoiInstant(plan.day, plan.startHour, plan.startMinute);
  let offset = 0; // minutes since start
  const items: DemoMeeting['items'] = [];
  const papers: DemoMeeting['papers'] = [];
  plan.items.forEach((spec, i) => {
    const position = i + 1;
    const itemId = demoId('item', plan.n * 100 + position);
    items.push({
      id: itemId,
      meetingId,
      position,
      title: spec.title,
      presenter: spec.presenter,
      startsAt: new Date(start.getTime() + offset * 60_000).toISOString(),
      durationMinutes: spec.durationMinutes,
      summary: spec.summary,
    });
    offset += spec.durationMinutes;
    if (spec.papers.length > 9) throw new Error(`too many papers for item ${position}`);
    spec.papers.forEach((paper, j) => {
      papers.push({
        document: {
          id: demoId('document', plan.n * 1000 + position * 10 + j + 1),
          meetingId,
          agendaItemId: itemId,
          title: paper.title,
          kind: paper.kind,
          position: j + 1,
          copyAllowed: paper.copyAllowed ?? true,
        },
        fileName: `${String(position).padStart(2, '0')}-${j + 1}-${paper.slug}.pdf`,
        content: paper.content,
      });
    });
  });
  const chairId = demoId('user', rosterEntry(plan.chairKey).n);
  return {
    meeting: {
      id: meetingId,
      title: plan.title,
      kind: plan.kind,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + (offset + CLOSING_MINUTES) * 60_000).toISOString(),
      location: plan.location,
      chairId,
      status: plan.status,
    },
    items,
    papers,
    participants: participantsOf(plan, meetingId),
  };
}

function participantsOf(plan: MeetingPlan, meetingId: string): Participant[] {
  const row = (
    key: string,
    role: Participant['role'],
    mayVote: boolean,
    substituteFor: string | null = null,
  ): Participant => {
    const userId = demoId('user', rosterEntry(key).n);
    return { id: `${meetingId}:${userId}`, meetingId, userId, role, substituteFor, mayVote };
  };
  const rows: Participant[] = [];
  if (plan.invitees === 'government') {
    for (const e of ROSTER) {
      if (e.role !== 'member' || e.deputyOf !== undefined) continue;
      rows.push(row(e.key, e.key === plan.chairKey ? 'chair' : 'member', true));
    }
    for (const key of plan.substitutes) {
      const deputy = rosterEntry(key);
      if (!deputy.deputyOf) throw new Error(`${key} is not a deputy`);
      rows.push(
        row(
          key,
          'substitute',
          plan.substitutesMayVote,
          demoId('user', rosterEntry(deputy.deputyOf).n),
        ),
      );
    }
  }
  for (const e of ROSTER) if (e.role === 'secretariat') rows.push(row(e.key, 'secretariat', false));
  return rows;
}
