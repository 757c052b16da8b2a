import type { BusinessCalendar } from '../../values/business-calendar';
import type { EvalEnv } from '../eval-env';
import { bin, dur, envOf, lit, ref, run, T } from '../testing/expr-builders';

const DAY_MS = 86_400_000;

/** A calendar as data, the way a configured one behaves: local days at a UTC offset. */
function calendarOf(o: {
  utcOffsetMinutes?: number;
  holidays?: string[];
  workingDays?: string[];
}): BusinessCalendar {
  const offset = (o.utcOffsetMinutes ?? 0) * 60_000;
  return {
    isWorkingDay(t) {
      const local = new Date(t + offset);
      const day = local.toISOString().slice(0, 10);
      if (o.workingDays?.includes(day)) return true;
      if (o.holidays?.includes(day)) return false;
      const weekday = local.getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

const withCalendar = (calendar: BusinessCalendar, now?: string): EvalEnv => ({
  ...envOf(now ? { now } : {}),
  calendar,
});

// 2026-12-03 is a Thursday, 2026-12-04 a Friday, 2026-12-05 a Saturday.
const thursday = lit(T.timestamp, '2026-12-03T10:00:00Z');

describe('timestamp ± workdays on the environment’s business calendar', () => {
  it('should skip a configured holiday when adding and subtracting working days', () => {
    const cal = calendarOf({ holidays: ['2026-12-04'] });
    // Thu + 2: Fri is a holiday, so Mon (1) and Tue (2).
    expect(run(bin('+', thursday, dur('2 workdays'), T.timestamp), withCalendar(cal))).toBe(
      '2026-12-08T10:00:00.000Z',
    );
    // Without the calendar, Monday to Friday: Fri (1), Mon (2).
    expect(run(bin('+', thursday, dur('2 workdays'), T.timestamp))).toBe('2026-12-07T10:00:00.000Z');
    // Tue 2026-12-08 − 2: Mon (1), Fri is a holiday, Thu (2).
    const tuesday = lit(T.timestamp, '2026-12-08T10:00:00Z');
    expect(run(bin('-', tuesday, dur('2 workdays'), T.timestamp), withCalendar(cal))).toBe(
      '2026-12-03T10:00:00.000Z',
    );
  });

  it('should count a make-up working day that falls on a weekend', () => {
    const cal = calendarOf({ workingDays: ['2026-12-05'] });
    // Thu + 2: Fri (1), Sat is worked (2).
    expect(run(bin('+', thursday, dur('2 workdays'), T.timestamp), withCalendar(cal))).toBe(
      '2026-12-05T10:00:00.000Z',
    );
  });

  it('should decide the day at the calendar’s UTC offset', () => {
    // 20:00 UTC Thursday is 04:00 Friday in UTC+8: one working day later is Saturday there,
    // which is off, so the result lands on Monday local (Sunday 20:00 UTC).
    const cal = calendarOf({ utcOffsetMinutes: 480 });
    const late = lit(T.timestamp, '2026-12-03T20:00:00Z');
    expect(run(bin('+', late, dur('1 workdays'), T.timestamp), withCalendar(cal))).toBe(
      '2026-12-06T20:00:00.000Z',
    );
    // At UTC the same instant is still Thursday: + 1 is Friday.
    expect(run(bin('+', late, dur('1 workdays'), T.timestamp))).toBe('2026-12-04T20:00:00.000Z');
  });

  it('should apply the calendar to `now` and leave fixed units alone', () => {
    const cal = calendarOf({ holidays: ['2026-12-04'] });
    const env = withCalendar(cal, '2026-12-03T09:00:00.000Z');
    const now = ref('now', T.timestamp);
    expect(run(bin('+', now, dur('2 workdays'), T.timestamp), env)).toBe('2026-12-08T09:00:00.000Z');
    expect(run(bin('+', now, dur('24h'), T.timestamp), env)).toBe(
      new Date(Date.parse('2026-12-03T09:00:00Z') + DAY_MS).toISOString(),
    );
  });

  it('should still refuse to compare working days with fixed durations', () => {
    const env = withCalendar(calendarOf({ holidays: ['2026-12-04'] }));
    expect(run(bin('<', dur('1 workdays'), dur('24h')), env)).toEqual({
      error: '`1 workdays < 24h`: the values cannot be compared',
    });
  });
});
