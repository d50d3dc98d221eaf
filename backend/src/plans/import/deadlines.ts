/**
 * Reporting deadlines stated in the text: "báo cáo 6 tháng gửi trước ngày 10/6 và báo cáo năm gửi
 * trước ngày 22/11/2020" → "Báo cáo 6 tháng" 2020-06-10, "Báo cáo năm" 2020-11-22. A day and month
 * without a year take the plan's year.
 */
import type { ReportingDeadline } from '../../core/plan-content';
import { isoDay } from './header';

/** The report's period right after "báo cáo": what names the deadline. */
const PERIOD = String.raw`(?:(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+đầu\s+năm)?|quý(?:\s+(?:[IV]{1,3}|\d))?|năm|tháng|sơ\s+kết|tổng\s+kết)`;
/** Up to eight words between the period and "trước ngày" ("gửi về Ban Thường trực …"), never across a sentence. */
const BETWEEN = String.raw`(?:\s+[^\s.;]+){0,8}?`;
const DATE = String.raw`(\d{1,2})\s*(?:\/|-|\s+tháng\s+)(\d{1,2})(?:\s*(?:\/|-|\s+năm\s+)(\d{4}))?`;
const DEADLINE = new RegExp(String.raw`báo\s+cáo\s+(${PERIOD})${BETWEEN}\s+trước\s+ngày\s+${DATE}`, 'giu');

export interface FoundDeadlines {
  deadlines: ReportingDeadline[];
  /** dates that name no real day ("31/6"), as typed, for a warning */
  invalid: string[];
}

export function findDeadlines(texts: readonly string[], planYear: number): FoundDeadlines {
  const found: FoundDeadlines = { deadlines: [], invalid: [] };
  for (const text of texts) {
    for (const match of text.matchAll(DEADLINE)) {
      const [whole, period, day, month, year] = match;
      const dueDate = isoDay(year ? Number(year) : planYear, Number(month), Number(day));
      if (!dueDate) found.invalid.push(whole);
      else found.deadlines.push({ name: `Báo cáo ${period.replace(/\s+/gu, ' ')}`, dueDate });
    }
  }
  return found;
}
