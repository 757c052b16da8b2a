import { createStore, saveCalendar } from '../../src';
import { createTestDatabase } from '../../src/testing';
import type { TestDatabase } from '../../src/testing';
import { manualClock } from './support/timed-flows';

/** A deadline computed twice: by an expression (`var.due`) and by the state's `after` timer. */
const dueSource = `flow workday_due v1 "Workday due" {
  input { unit: string }
  initial state opened {
    always -> waiting do set due = now + 2 workdays
  }
  state waiting {
    on done -> finished
    after 2 workdays -> late
  }
  final state finished
  final state late
}
`;

// Thursday 2026-12-03 20:00 UTC is already Friday 04:00 in Shanghai (UTC+8).
const THURSDAY_EVENING_UTC = '2026-12-03T20:00:00.000Z';

describe('`now + n workdays` on a configured business calendar', () => {
  let test: TestDatabase;
  const clock = manualClock(THURSDAY_EVENING_UTC);
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    test.db.orm.em.fork().execute<T[]>(sql, params);

  beforeAll(async () => {
    test = await createTestDatabase();
    await createStore(test.db, { now: clock.now }).deployFlow(dueSource, 'zhao.min');
  });
  afterAll(() => test?.drop());

  it('should count the same working days as the timer: holidays, make-up days and the UTC offset', async () => {
    // Local days in Shanghai: Saturday 12-05 is worked, Monday 12-07 and Tuesday 12-08 are holidays.
    await saveCalendar(test.db, {
      name: 'cn',
      title: 'Test calendar (UTC+8)',
      weekendDays: [0, 6],
      holidays: ['2026-12-07', '2026-12-08'],
      workingDays: ['2026-12-05'],
      utcOffsetMinutes: 480,
    });
    const store = createStore(test.db, { now: clock.now, calendar: 'cn' });
    const instance = await store.startInstance({
      flowKey: 'workday_due',
      input: { unit: 'A-1' },
      actor: 'li.na',
    });
    const [timer] = await rows<{ calendar: string; due: string }>(
      `select calendar, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due from timer
        where instance_id = ?`,
      [instance.id],
    );
    // Saturday (make-up) is the first working day, Wednesday 12-09 local the second: 04:00 local, 20:00 UTC.
    expect(timer).toEqual({ calendar: 'cn', due: '2026-12-08T20:00:00.000Z' });
    expect(instance.context).toMatchObject({ vars: { due: '2026-12-08T20:00:00.000Z' } });
  });

  it('should count Monday to Friday at UTC on the default calendar', async () => {
    const store = createStore(test.db, { now: clock.now });
    const instance = await store.startInstance({
      flowKey: 'workday_due',
      input: { unit: 'A-2' },
      actor: 'li.na',
    });
    const [timer] = await rows<{ due: string }>(
      `select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as due from timer
        where instance_id = ?`,
      [instance.id],
    );
    expect(timer.due).toBe('2026-12-07T20:00:00.000Z');
    expect(instance.context).toMatchObject({ vars: { due: '2026-12-07T20:00:00.000Z' } });
  });
});
