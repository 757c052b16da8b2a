import { businessCalendarOf, calendarRuleProblems } from './calendar-rules';
import type { CalendarRules } from './calendar-rules';

const rules: CalendarRules = {
  name: 'cn',
  title: 'China 2026 (excerpt)',
  weekendDays: [0, 6],
  holidays: ['2026-10-01', '2026-10-02'],
  workingDays: ['2026-10-10'],
  utcOffsetMinutes: 0,
};
const day = (date: string) => Date.parse(`${date}T10:00:00Z`);

describe('business calendar rules', () => {
  const calendar = businessCalendarOf(rules);

  it('should call a weekday a working day and a weekend day not when no rule names the date', () => {
    expect(calendar.isWorkingDay(day('2026-10-05'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-10-04'))).toBe(false);
  });

  it('should call a holiday on a weekday not a working day', () => {
    expect(calendar.isWorkingDay(day('2026-10-01'))).toBe(false);
  });

  it('should call a make-up working day on a Saturday a working day', () => {
    expect(calendar.isWorkingDay(day('2026-10-10'))).toBe(true);
  });

  it('should count local days at the calendar offset when the calendar is not on UTC', () => {
    const shanghai = businessCalendarOf({ ...rules, workingDays: [], utcOffsetMinutes: 480 });
    // Friday 2026-10-09 20:00 UTC is Saturday 04:00 in Shanghai; Sunday 17:00 UTC is Monday 01:00 there.
    expect(shanghai.isWorkingDay(Date.parse('2026-10-09T20:00:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(Date.parse('2026-10-09T20:00:00Z'))).toBe(true);
    expect(shanghai.isWorkingDay(Date.parse('2026-10-11T17:00:00Z'))).toBe(true);
    // The National Day holiday starts at midnight in Shanghai, 16:00 UTC the day before.
    expect(shanghai.isWorkingDay(Date.parse('2026-09-30T16:30:00Z'))).toBe(false);
  });

  it('should name every unsound field when the rules are malformed', () => {
    expect(
      calendarRuleProblems({
        ...rules,
        name: 'CN!',
        weekendDays: [7],
        holidays: ['2026-02-30', '2026-10-10'],
        utcOffsetMinutes: 900,
      }),
    ).toEqual([
      'name "CN!" must be lower-case letters, digits, "_" or "-"',
      'utcOffsetMinutes 900 is not a whole number of minutes between -720 and 840',
      'weekend day 7 is not 0 … 6',
      'holidays: "2026-02-30" is not a YYYY-MM-DD date',
      '2026-10-10 cannot be both a holiday and a working day',
    ]);
    expect(calendarRuleProblems(rules)).toEqual([]);
  });
});
