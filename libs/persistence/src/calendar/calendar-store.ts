import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { BusinessCalendar } from '@signet/dsl';
import type { SignetDatabase } from '../database/open-database';
import { ProcessError } from '../errors/process-error';
import { businessCalendarOf, calendarRuleProblems } from './calendar-rules';
import type { CalendarRules } from './calendar-rules';

/** A calendar as a step uses it: its name (recorded with every timer) and the engine's port. */
export interface LoadedCalendar {
  name: string;
  calendar: BusinessCalendar;
}

interface CalendarRow {
  name: string;
  title: string;
  weekend_days: number[];
  holidays: string[];
  working_days: string[];
  utc_offset_minutes: number;
}

// Dates leave as text: node-postgres would turn a `date` into a JS Date at local midnight.
const SELECT = `select name, title, weekend_days::int[] as weekend_days, holidays::text[] as holidays,
  working_days::text[] as working_days, utc_offset_minutes from business_calendar`;

/**
 * Reads the named calendar inside the caller's transaction, so a step counts working days with the
 * calendar as it is at that moment. A name with no row is a configuration error and throws.
 */
export async function loadCalendar(em: SqlEntityManager, name: string): Promise<LoadedCalendar> {
  const [row] = await em.execute<CalendarRow[]>(`${SELECT} where name = ?`, [name]);
  if (!row) throw new Error(`business calendar "${name}" does not exist (see business_calendar)`);
  return { name, calendar: businessCalendarOf(rulesOf(row)) };
}

/** Every stored calendar, by name. */
export async function listCalendars(db: SignetDatabase): Promise<CalendarRules[]> {
  const rows = await db.orm.em.fork().execute<CalendarRow[]>(`${SELECT} order by name`);
  return rows.map(rulesOf);
}

/**
 * Creates or replaces a calendar (e.g. next year's holidays and make-up days). Timers already
 * scheduled keep their due time; new ones count with the new rules. Unsound rules → BAD_INPUT.
 */
export async function saveCalendar(db: SignetDatabase, rules: CalendarRules): Promise<void> {
  const problems = calendarRuleProblems(rules);
  if (problems.length > 0) throw ProcessError.badInput(`calendar "${rules.name}": ${problems.join('; ')}`);
  await db.orm.em.fork().execute(
    `insert into business_calendar (name, title, weekend_days, holidays, working_days, utc_offset_minutes, updated_at)
     values (?, ?, ?::smallint[], ?::date[], ?::date[], ?, now())
     on conflict (name) do update set title = excluded.title, weekend_days = excluded.weekend_days,
       holidays = excluded.holidays, working_days = excluded.working_days,
       utc_offset_minutes = excluded.utc_offset_minutes, updated_at = now()`,
    [
      rules.name,
      rules.title,
      pgArray(rules.weekendDays),
      pgArray(rules.holidays),
      pgArray(rules.workingDays),
      rules.utcOffsetMinutes,
    ],
  );
}

function rulesOf(row: CalendarRow): CalendarRules {
  return {
    name: row.name,
    title: row.title,
    weekendDays: row.weekend_days,
    holidays: row.holidays,
    workingDays: row.working_days,
    utcOffsetMinutes: row.utc_offset_minutes,
  };
}

/** A PostgreSQL array literal of simple values (digits and dates: nothing to quote). */
function pgArray(values: (string | number)[]): string {
  return `{${values.join(',')}}`;
}
