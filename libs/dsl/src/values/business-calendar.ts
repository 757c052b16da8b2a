import type { Duration } from './duration';
import { durationMillis } from './duration';
import type { Timestamp } from './timestamp';

const DAY_MS = 86_400_000;

/**
 * Which days count as working days for `workdays` durations. The default knows only weekends;
 * holidays and make-up working days arrive with a configured calendar (a later issue) through this port.
 */
export interface BusinessCalendar {
  /** Whether the UTC calendar day containing `t` is a working day. */
  isWorkingDay(t: Timestamp): boolean;
}

/** Monday to Friday are working days; Saturdays and Sundays are not (UTC). */
export const WEEKEND_CALENDAR: BusinessCalendar = {
  isWorkingDay(t) {
    const day = new Date(t).getUTCDay();
    return day !== 0 && day !== 6;
  },
};

/**
 * `t` plus `d`. Fixed units add milliseconds. `n workdays` moves day by day (same time of day),
 * counting only days the calendar calls working days, so Friday 10:00 + 1 workday is Monday 10:00
 * and Saturday 10:00 + 1 workday is also Monday 10:00.
 */
export function addDuration(
  t: Timestamp,
  d: Duration,
  calendar: BusinessCalendar = WEEKEND_CALENDAR,
): Timestamp {
  const ms = durationMillis(d);
  if (ms !== undefined) return t + ms;
  let at = t;
  let left = d.amount;
  while (left > 0) {
    at += DAY_MS;
    if (calendar.isWorkingDay(at)) left--;
  }
  return at;
}

/** `t` minus a fixed-length duration, or minus working days walking backwards. */
export function subtractDuration(
  t: Timestamp,
  d: Duration,
  calendar: BusinessCalendar = WEEKEND_CALENDAR,
): Timestamp {
  const ms = durationMillis(d);
  if (ms !== undefined) return t - ms;
  let at = t;
  let left = d.amount;
  while (left > 0) {
    at -= DAY_MS;
    if (calendar.isWorkingDay(at)) left--;
  }
  return at;
}
