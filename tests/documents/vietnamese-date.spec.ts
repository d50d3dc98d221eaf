import {
  calendarDateInVietnam,
  formatLongDate,
  formatShortDate,
} from '../../backend/src/core/vietnamese-date';
import { inTimeZone } from './support';

describe('Vietnamese dates', () => {
  it.each([
    [{ year: 2022, month: 2, day: 5 }, 'ngày 05 tháng 02 năm 2022', '05/02/2022'],
    [{ year: 2022, month: 4, day: 15 }, 'ngày 15 tháng 4 năm 2022', '15/4/2022'],
    [{ year: 2022, month: 4, day: 5 }, 'ngày 05 tháng 4 năm 2022', '05/4/2022'],
    [{ year: 2019, month: 1, day: 16 }, 'ngày 16 tháng 01 năm 2019', '16/01/2019'],
    [{ year: 2016, month: 10, day: 7 }, 'ngày 07 tháng 10 năm 2016', '07/10/2016'],
    [{ year: 2020, month: 12, day: 31 }, 'ngày 31 tháng 12 năm 2020', '31/12/2020'],
  ])('%j → "%s" / "%s" (leading zero for days below 10 and months 1–2 only)', (date, long, short) => {
    expect(formatLongDate(date)).toBe(long);
    expect(formatShortDate(date)).toBe(short);
  });

  it('every long date matches the FORMAT.md check pattern', () => {
    const pattern = /^ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/;
    for (let day = new Date('2024-01-01T05:00:00Z'); day.getUTCFullYear() === 2024; day = new Date(day.getTime() + 86_400_000)) {
      expect(formatLongDate(day)).toMatch(pattern);
    }
  });

  it('takes the calendar date in Asia/Ho_Chi_Minh (UTC+7), whatever the server time zone', () => {
    expect(calendarDateInVietnam(new Date('2022-04-14T16:59:59Z'))).toEqual({ year: 2022, month: 4, day: 14 });
    expect(calendarDateInVietnam(new Date('2022-04-14T17:00:00Z'))).toEqual({ year: 2022, month: 4, day: 15 });
    expect(formatLongDate(new Date('2021-12-31T17:00:00Z'))).toBe('ngày 01 tháng 01 năm 2022');
    expect(formatShortDate(new Date('2021-12-31T16:59:59Z'))).toBe('31/12/2021');
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('does not depend on the process time zone (%s)', (zone) => {
    const date = inTimeZone(zone, () => formatLongDate(new Date('2022-04-14T17:30:00Z')));
    expect(date).toBe('ngày 15 tháng 4 năm 2022');
  });
});
