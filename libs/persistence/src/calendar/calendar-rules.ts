import type { BusinessCalendar } from '@signet/dsl';

/** The name of the calendar migration 0004 seeds (Saturday and Sunday off) and steps use by default. */
export const DEFAULT_CALENDAR = 'default';

/**
 * A business calendar as data (a `business_calendar` row): which weekdays are off, which dates are
 * public holidays, and which dates are make-up working days although they fall on a weekend (China's
 * 调休: the Saturday or Sunday worked to bridge a holiday). Dates are `YYYY-MM-DD` local days at the calendar's UTC offset.
 */
export interface CalendarRules {
  name: string;
  title: string;
  /**
   * Where the calendar's days begin: minutes east of UTC (480 for China Standard Time). A day counts
   * from local midnight, so 20:00 UTC on a Friday is already Saturday in Shanghai.
   */
  utcOffsetMinutes: number;
  /** Weekdays off: 0 = Sunday … 6 = Saturday (local days). */
  weekendDays: number[];
  holidays: string[];
  /** Make-up working days: worked even though they fall on a weekend day. */
  workingDays: string[];
}

/** The engine's view of the rules: a make-up day works, a holiday does not, else the weekday decides. */
export function businessCalendarOf(rules: CalendarRules): BusinessCalendar {
  const weekend = new Set(rules.weekendDays);
  const holidays = new Set(rules.holidays);
  const working = new Set(rules.workingDays);
  return {
    isWorkingDay(t) {
      const local = new Date(t + rules.utcOffsetMinutes * 60_000);
      const day = local.toISOString().slice(0, 10);
      if (working.has(day)) return true;
      if (holidays.has(day)) return false;
      return !weekend.has(local.getUTCDay());
    },
  };
}

/** The rules' mistakes, as messages naming the field and value (empty when they are sound). */
export function calendarRuleProblems(rules: CalendarRules): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_-]*$/.test(rules.name)) {
    problems.push(`name "${rules.name}" must be lower-case letters, digits, "_" or "-"`);
  }
  const offset = rules.utcOffsetMinutes;
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    problems.push(`utcOffsetMinutes ${offset} is not a whole number of minutes between -720 and 840`);
  }
  for (const day of rules.weekendDays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) problems.push(`weekend day ${day} is not 0 … 6`);
  }
  for (const [field, dates] of [
    ['holidays', rules.holidays],
    ['workingDays', rules.workingDays],
  ] as const) {
    for (const date of dates) {
      if (!isCalendarDate(date)) problems.push(`${field}: "${date}" is not a YYYY-MM-DD date`);
    }
  }
  const both = rules.holidays.filter((d) => rules.workingDays.includes(d));
  if (both.length > 0) problems.push(`${both.join(', ')} cannot be both a holiday and a working day`);
  return problems;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(text);
}
