import { calendarDateInVietnam, formatLongDate as longDate } from '@backend/core/vietnamese-date';

/**
 * Dates as a Vietnamese office reads them: "15/04/2022" in lists, "ngày 15 tháng 4 năm 2022" in
 * sentences (the document's own rule, shared with the DOCX), always on Vietnam's calendar.
 */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO instant or a calendar date "YYYY-MM-DD" as Vietnam's calendar day. */
function toCalendarDay(value: string | Date) {
  const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (calendar) return { year: Number(calendar[1]), month: Number(calendar[2]), day: Number(calendar[3]) };
  return calendarDateInVietnam(new Date(value));
}

/** "15/04/2022" */
export function formatDate(value: string | Date): string {
  const { year, month, day } = toCalendarDay(value);
  return `${two(day)}/${two(month)}/${year}`;
}

const TYPED_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/**
 * A date typed "15/4/2022" or "15/04/2022" as "2022-04-15"; null when it is not a day of the
 * calendar (31/02, 15/13) or not in that form.
 */
export function parseTypedDate(text: string): string | null {
  const typed = TYPED_DATE.exec(text);
  if (!typed) return null;
  const [day, month, year] = typed.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

const vietnamTime = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

/** "15/04/2022 09:30" */
export function formatDateTime(value: string | Date): string {
  return `${formatDate(value)} ${vietnamTime.format(new Date(value))}`;
}

/** "ngày 15 tháng 4 năm 2022" */
export function formatLongDate(value: string | Date): string {
  return longDate(toCalendarDay(value));
}

/** "2026-03" → "03/2026" */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${number}/${year}`;
}

/** Today on Vietnam's calendar, "YYYY-MM-DD". */
export function todayInVietnam(): string {
  const { year, month, day } = calendarDateInVietnam(new Date());
  return `${year}-${two(month)}-${two(day)}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** Days from today (Vietnam's calendar) to a due date "YYYY-MM-DD": negative once it has passed. */
export function daysUntil(dueDate: string): number {
  return Math.round((Date.parse(dueDate) - Date.parse(todayInVietnam())) / DAY);
}
