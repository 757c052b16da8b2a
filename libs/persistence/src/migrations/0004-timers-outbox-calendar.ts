import { Migration } from '@mikro-orm/migrations';

/**
 * Durable timers, the outbox relay and business calendars (issue 4):
 * - `business_calendar`: weekend days, holidays and make-up working days as data, with a seeded
 *   `default` calendar (Saturday and Sunday off); `timer.calendar` records the one a timer was
 *   scheduled with.
 * - `timer`: who fired it and how late, and why a timer was cancelled without firing.
 * - `outbox`: retry bookkeeping for the relay (next attempt, last error, who delivered it).
 * - `task.escalation_level`: how many times the open task was escalated (its SLA restarts each time).
 */
export class Migration0004TimersOutboxCalendar extends Migration {
  override up(): void {
    // Weekdays as in JavaScript's getUTCDay (0 = Sunday … 6 = Saturday); dates are calendar days.
    this.addSql(`create table business_calendar (
      name text primary key,
      title text not null,
      weekend_days smallint[] not null default '{0,6}'
        check (weekend_days <@ '{0,1,2,3,4,5,6}'::smallint[]),
      holidays date[] not null default '{}',
      working_days date[] not null default '{}',
      -- Calendar days are local days at this offset from UTC (480 = China Standard Time, UTC+8).
      utc_offset_minutes integer not null default 0 check (utc_offset_minutes between -720 and 840),
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`insert into business_calendar (name, title, weekend_days)
      values ('default', 'Monday to Friday', '{0,6}')`);

    this.addSql(`alter table timer
      add column calendar text not null default 'default',
      add column fired_by text,
      add column lateness_ms integer,
      add column cancel_reason text`);
    // The worker's claim: due PENDING timers in due order (timer_due_idx already covers due_at).

    this.addSql(`alter table outbox
      add column next_attempt_at timestamptz,
      add column last_error text,
      add column delivered_by text`);
    this.addSql('drop index outbox_pending_idx');
    this.addSql(`create index outbox_pending_idx on outbox (coalesce(next_attempt_at, created_at))
      where delivered_at is null`);

    this.addSql('alter table task add column escalation_level integer not null default 0');
  }

  override down(): void {
    this.addSql('alter table task drop column escalation_level');
    this.addSql('drop index outbox_pending_idx');
    this.addSql('create index outbox_pending_idx on outbox (created_at) where delivered_at is null');
    this.addSql(`alter table outbox drop column next_attempt_at, drop column last_error,
      drop column delivered_by`);
    this.addSql(`alter table timer drop column calendar, drop column fired_by, drop column lateness_ms,
      drop column cancel_reason`);
    this.addSql('drop table business_calendar');
  }
}
