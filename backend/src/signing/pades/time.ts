/** Dates as PAdES and Phụ lục I want them, in Vietnam time (UTC+07:00, no daylight saving). */

const VIETNAM_OFFSET_MS = 7 * 3600e3;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function vietnamParts(date: Date) {
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
  };
}

/** ISO 8601 with the Vietnam offset, e.g. 2026-11-30T09:05:00+07:00 (Phụ lục I: thời gian ký). */
export function formatVietnamTime(date: Date): string {
  const p = vietnamParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** PDF date string (ISO 32000-1 §7.9.4), e.g. D:20261130090500+07'00'. */
export function pdfDate(date: Date): string {
  const p = vietnamParts(date);
  return `D:${p.year}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}+07'00'`;
}

/** Parses a PDF date string; undefined when it is not one. */
export function parsePdfDate(value: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHour = '00', offsetMinute = '00'] = match;
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (+offsetHour * 60 + +offsetMinute) * 60e3 : 0;
  return new Date(utc - offset);
}
