import { Migration } from '@mikro-orm/migrations';

/**
 * The projections and side tables a step writes in its transaction: the task inbox, durable timers
 * (delivered by the worker with `FOR UPDATE SKIP LOCKED`), the notification outbox (deduplicated by
 * key) and idempotency keys (a retry returns the first result).
 */
export class Migration0002TasksTimersOutbox extends Migration {
  override up(): void {
    this.addSql(`create table task (
      id uuid primary key,
      instance_id uuid not null references instance (id),
      name text not null,
      state text not null,
      title text not null,
      decisions text[] not null,
      assignee text,
      candidate_roles text[] not null default '{}',
      candidate_team text,
      excluded_users text[] not null default '{}',
      status text not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
      due_at timestamptz,
      created_at timestamptz not null,
      decided_by text,
      decision text,
      comment text,
      decided_at timestamptz
    )`);
    this.addSql('create index task_instance_idx on task (instance_id)');
    // The inbox query: open tasks by named assignee, by candidate role (array overlap) or by team.
    this.addSql(`create index task_open_assignee_idx on task (assignee) where status = 'OPEN'`);
    this.addSql(`create index task_open_roles_idx on task using gin (candidate_roles) where status = 'OPEN'`);
    this.addSql(`create index task_open_team_idx on task (candidate_team) where status = 'OPEN'`);
    this.addSql('create index task_created_idx on task (created_at desc, id desc)');

    this.addSql(`create table timer (
      id uuid primary key,
      instance_id uuid not null references instance (id),
      event text not null,
      state text not null,
      after text not null,
      due_at timestamptz not null,
      status text not null check (status in ('PENDING', 'FIRED', 'CANCELLED')),
      created_at timestamptz not null,
      fired_at timestamptz,
      cancelled_at timestamptz
    )`);
    this.addSql(`create index timer_due_idx on timer (due_at) where status = 'PENDING'`);
    this.addSql('create index timer_instance_idx on timer (instance_id)');

    this.addSql(`create table outbox (
      id uuid primary key,
      dedupe_key text not null,
      kind text not null,
      instance_id uuid references instance (id),
      payload jsonb not null,
      created_at timestamptz not null,
      delivered_at timestamptz,
      attempts integer not null default 0,
      constraint outbox_dedupe_key_unique unique (dedupe_key)
    )`);
    this.addSql('create index outbox_pending_idx on outbox (created_at) where delivered_at is null');

    // The key row is written before the instance it points at (the instance id is chosen first), so
    // the foreign key is checked at commit.
    this.addSql(`create table idempotency_key (
      actor text not null,
      key text not null,
      operation text not null,
      instance_id uuid not null references instance (id) deferrable initially deferred,
      created_at timestamptz not null,
      primary key (actor, key)
    )`);
  }

  override down(): void {
    this.addSql('drop table idempotency_key');
    this.addSql('drop table outbox');
    this.addSql('drop table timer');
    this.addSql('drop table task');
  }
}
