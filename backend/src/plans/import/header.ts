/**
 * The header of an issued plan (FORMAT.md "Header"): the issuer's lines, "Số: 227/KH-MTTQ-BTT", the
 * national motto and "Sơn La, ngày 15 tháng 4 năm 2022". None of it is content of the new plan:
 * the issuer is matched against the organisation tree, number and date are kept as a citation.
 */
import { isCalendarDate } from '../../common/validation';
import type { CalendarDate } from '../../core/vietnamese-date';
import { isRuleLine } from '../../core/text-blocks/classify';

export interface HeaderFacts {
  /** upper-case lines naming the issuer: "ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA", "BAN THƯỜNG TRỰC" */
  issuerLines: string[];
  /** as typed after "Số:", e.g. "227/KH-MTTQ-BTT" */
  number: string | null;
  place: string | null;
  /** the day may be blank on a draft ("ngày    tháng    năm 2026"): then only the year is known */
  date: CalendarDate | null;
  year: number | null;
}

export const emptyHeader = (): HeaderFacts => ({ issuerLines: [], number: null, place: null, date: null, year: null });

const MOTTO = [/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM$/iu, /^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$/iu, /^DỰ THẢO$/iu];
const NUMBER = /^Số\s*:\s*(.*\S)\s*$/iu;
const PLACE_DATE = /^(\p{L}[\p{L} .-]*?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\s*$/iu;

/** Whether the line was a header line; what it says goes into `facts`. */
export function readHeaderLine(text: string, facts: HeaderFacts): boolean {
  if (MOTTO.some((pattern) => pattern.test(text)) || isRuleLine(text)) return true;
  const number = NUMBER.exec(text);
  if (number) {
    facts.number = number[1];
    return true;
  }
  const placeDate = PLACE_DATE.exec(text);
  if (placeDate) {
    const [, place, day, month, year] = placeDate;
    facts.place = place.trim();
    facts.year = Number(year);
    facts.date = day && month && isoDay(Number(year), Number(month), Number(day)) ? { year: Number(year), month: Number(month), day: Number(day) } : null;
    return true;
  }
  if (isUpperCaseLine(text)) {
    facts.issuerLines.push(text);
    return true;
  }
  return false;
}

/** Letters all capitals (digits and punctuation aside), at least two of them. */
export function isUpperCaseLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}

/** "2022-06-10", or null when there is no such day. */
export function isoDay(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
