/** Units of a duration: seconds, minutes, hours, days (24 h) and working days (see business-calendar.ts). */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'workdays';

/** A length of time as written: `24h`, `2 workdays`. Working days have no fixed length in milliseconds. */
export class Duration {
  constructor(
    readonly amount: number,
    readonly unit: DurationUnit,
  ) {}
}

const UNIT_MS: Readonly<Record<Exclude<DurationUnit, 'workdays'>, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const DURATION_TEXT = /^(\d+)\s*(s|m|h|d)$|^(\d+)\s+workdays?$/;

/** Parses `"30s"`, `"30m"`, `"24h"`, `"3d"`, `"2 workdays"` (also `"1 workday"`); `undefined` otherwise. */
export function parseDuration(text: string): Duration | undefined {
  const m = DURATION_TEXT.exec(text.trim());
  if (!m) return undefined;
  const amount = Number(m[1] ?? m[3]);
  if (!Number.isSafeInteger(amount)) return undefined;
  return new Duration(amount, (m[2] as DurationUnit | undefined) ?? 'workdays');
}

/** Canonical JSON text: `"24h"`, `"2 workdays"`. */
export function formatDuration(d: Duration): string {
  return d.unit === 'workdays' ? `${d.amount} workdays` : `${d.amount}${d.unit}`;
}

/** Milliseconds of a fixed-length duration; `undefined` for working days, which depend on a calendar. */
export function durationMillis(d: Duration): number | undefined {
  return d.unit === 'workdays' ? undefined : d.amount * UNIT_MS[d.unit];
}
