/**
 * Calendar helpers in Hanoi time (UTC+07:00 all year, no daylight saving). A "calendar day" here
 * is a `{ year, month, day }` triple with month 1-12; instants are `Date`s.
 */
const OFFSET_HOURS = 7;
const DAY_MS = 86_400_000;

export interface CalendarDay {
  year: number;
  /** 1-12. */
  month: number;
  /** 1-31. */
  day: number;
}

/** The Hanoi calendar day that contains `instant`. */
export function hanoiDay(instant: Date): CalendarDay {
  const shifted = new Date(instant.getTime() + OFFSET_HOURS * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** The instant of `hour:minute` Hanoi time on `day`. */
export function hanoiInstant(day: CalendarDay, hour: number, minute = 0): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day, hour - OFFSET_HOURS, minute));
}

/** `day` plus `days` (may be negative); months and years roll over. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const t = Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** `day` itself if it is Monday-Friday, else the following Monday. */
export function onOrAfterWorkday(day: CalendarDay): CalendarDay {
  let d = day;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

/** The month before `day`'s month, as `{ year, month }`. */
export function previousMonth(day: { year: number; month: number }): {
  year: number;
  month: number;
} {
  return day.month === 1
    ? { year: day.year - 1, month: 12 }
    : { year: day.year, month: day.month - 1 };
}

/**
 * "ngày 05 tháng 11 năm 2026", the official style (Decree 30/2020/NĐ-CP): a leading zero for
 * days below 10 and for months 1 and 2.
 */
export function viDate(day: CalendarDay): string {
  const dd = String(day.day).padStart(2, '0');
  const mm = day.month <= 2 ? String(day.month).padStart(2, '0') : String(day.month);
  return `ngày ${dd} tháng ${mm} năm ${day.year}`;
}

/** "05/11/2026". */
export function viShortDate(day: CalendarDay): string {
  return `${String(day.day).padStart(2, '0')}/${String(day.month).padStart(2, '0')}/${day.year}`;
}
