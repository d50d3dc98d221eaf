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
