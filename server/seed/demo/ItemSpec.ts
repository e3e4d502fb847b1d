import type { Document } from '../../../shared/domain/meeting.ts';
import type { PaperContent } from '../DemoData.ts';
import { addDays, previousMonth, type CalendarDay } from './hanoiTime.ts';

/** One paper of an agenda item before ids and positions are assigned. */
export interface ItemPaperSpec {
  kind: Document['kind'];
  title: string;
  /** ASCII file-name stem, e.g. "to-trinh-nghi-dinh-dich-vu-cong". */
  slug: string;
  /** The copy policy (documentSchema.copyAllowed); copyable when absent. */
  copyAllowed?: boolean;
  content: PaperContent;
}

/** One agenda item before ids, positions and times are assigned. */
export interface ItemSpec {
  title: string;
  /** Presenting agency (cơ quan trình). */
  presenter: string;
  /** Planned length, minutes. */
  durationMinutes: number;
  summary: string;
  papers: ItemPaperSpec[];
}

/** What the content of a meeting's papers depends on: the meeting's Hanoi calendar day. */
export interface ItemContext {
  meetingDay: CalendarDay;
  /** The meeting's year and month. */
  year: number;
  month: number;
  /** The month the regular meeting reviews (the one before the meeting's month). */
  reviewed: { year: number; month: number };
  /** The calendar day `days` before the meeting (papers are dated before it). */
  before(days: number): CalendarDay;
  /** The first day of the month `months` after the meeting's month (effective dates). */
  monthStart(months: number): CalendarDay;
}

export function itemContext(meetingDay: CalendarDay): ItemContext {
  return {
    meetingDay,
    year: meetingDay.year,
    month: meetingDay.month,
    reviewed: previousMonth(meetingDay),
    before: (days) => addDays(meetingDay, -days),
    monthStart: (months) => {
      const index = meetingDay.year * 12 + (meetingDay.month - 1) + months;
      return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
    },
  };
}
