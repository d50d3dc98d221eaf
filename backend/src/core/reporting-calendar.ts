import { calendarDateInVietnam } from './vietnamese-date';

/** "YYYY-MM-DD" of the instant in Vietnam: due dates are calendar dates of Asia/Ho_Chi_Minh. */
export function vietnamDay(instant: Date): string {
  const { year, month, day } = calendarDateInVietnam(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day `days` after a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Submitted after the due date (as a Vietnamese calendar day) is late; the due day itself is on time. */
export const isLate = (submittedAt: Date, dueDate: string) => vietnamDay(submittedAt) > dueDate;
export const isOverdue = (now: Date, dueDate: string) => vietnamDay(now) > dueDate;

/** "2025-03-15" → "15/03/2025", as a due date reads in messages and lists. */
export const formatDueDay = (day: string) => day.split('-').reverse().join('/');

/**
 * The deadlines already past on `today` ("YYYY-MM-DD"), with their place in the list: a plan sent
 * out with one would ask its recipients for a report already overdue. The due day itself is still ahead.
 */
export function pastDeadlines<Deadline extends { dueDate: string }>(deadlines: readonly Deadline[], today: string): (Deadline & { index: number })[] {
  return deadlines.flatMap((deadline, index) => (deadline.dueDate && deadline.dueDate < today ? [{ ...deadline, index }] : []));
}

/** The working day (Monday to Friday) `days` working days before a "YYYY-MM-DD" day. */
export function workingDaysBefore(day: string, days: number): string {
  let result = day;
  for (let left = days; left > 0; ) {
    result = addDays(result, -1);
    const weekday = new Date(`${result}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}
