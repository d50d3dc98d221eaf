/**
 * Dates as Vietnamese administrative documents write them (FORMAT.md "Dates"): a day below 10 and
 * the months 1 and 2 take a leading zero, other numbers do not —
 * "ngày 05 tháng 02 năm 2022", "ngày 15 tháng 4 năm 2022", and "05/4/2022" in citations.
 * Calendar dates are those of Vietnam (Asia/Ho_Chi_Minh), whatever the server's time zone.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vietnamCalendar = new Intl.DateTimeFormat('en-US', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The calendar date in Vietnam at the given instant. */
export function calendarDateInVietnam(instant: Date): CalendarDate {
  const parts = vietnamCalendar.formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day') };
}

function toCalendarDate(date: Date | CalendarDate): CalendarDate {
  return date instanceof Date ? calendarDateInVietnam(date) : date;
}

function formatDay(day: number): string {
  return String(day).padStart(2, '0');
}

function formatMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** Day, month and year as written in a document's date line: "05", "02", "2022". */
export function longDateParts(date: Date | CalendarDate): { day: string; month: string; year: string } {
  const { year, month, day } = toCalendarDate(date);
  return { day: formatDay(day), month: formatMonth(month), year: String(year) };
}

/** "ngày 05 tháng 02 năm 2022" */
export function formatLongDate(date: Date | CalendarDate): string {
  const { day, month, year } = longDateParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "05/4/2022", as in "Kế hoạch số 224/KH-MTTQ-BTT, ngày 05/4/2022" */
export function formatShortDate(date: Date | CalendarDate): string {
  const { year, month, day } = toCalendarDate(date);
  return `${formatDay(day)}/${formatMonth(month)}/${year}`;
}
