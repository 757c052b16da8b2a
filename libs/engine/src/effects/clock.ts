import { addDuration, formatTimestamp, parseDuration, parseTimestamp } from '@signet/dsl';

/**
 * `now + duration` as ISO text, or `undefined` if the duration is not one the language writes.
 * Working days skip Saturdays and Sundays; holidays arrive with the business calendar (a later issue).
 */
export function dueAt(now: string, duration: string): string | undefined {
  const d = parseDuration(duration);
  const t = parseTimestamp(now);
  if (!d || t === undefined) return undefined;
  return formatTimestamp(addDuration(t, d));
}
