import { addDuration, formatTimestamp, parseDuration, parseTimestamp } from '@signet/dsl';
import type { BusinessCalendar } from '@signet/dsl';

/**
 * `now + duration` as ISO text, or `undefined` if the duration is not one the language writes.
 * Working days are counted in `calendar` (the caller's business calendar: weekends, holidays, make-up
 * working days); without one, Monday to Friday.
 */
export function dueAt(now: string, duration: string, calendar?: BusinessCalendar): string | undefined {
  const d = parseDuration(duration);
  const t = parseTimestamp(now);
  if (!d || t === undefined) return undefined;
  return formatTimestamp(addDuration(t, d, calendar));
}
