import { Migration } from '@mikro-orm/migrations';

/** SQLSTATE raised by the trigger that keeps `instance_event` append-only. */
export const APPEND_ONLY_SQLSTATE = 'SG001';

/**
 * Flow definitions (pinned by key + version), instances (optimistic `version`, one active holder per
 * business key) and the hash-chained event log, which the database itself keeps append-only.
 */
export class Migration0001DefinitionsInstancesEvents extends Migration {
  override up(): void {
    this.addSql(`create table flow_definition (
      id uuid primary key,
      key text not null,
      version integer not null check (version > 0),
      title text not null,
      source text not null,
      ir jsonb not null,
      hash text not null,
      deployed_at timestamptz not null,
      deployed_by text,
      constraint flow_definition_key_version_unique unique (key, version)
    )`);

    this.addSql(`create table instance (
      id uuid primary key,
      definition_id uuid not null references flow_definition (id),
      flow_key text not null,
      flow_version integer not null,
      business_key text,
      status text not null check (status in ('ACTIVE', 'COMPLETED', 'CANCELLED')),
      state text not null,
      context jsonb not null,
      snapshot jsonb not null,
      version integer not null default 1,
      started_by text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`);
    // The database, not a read-then-insert check, decides who holds a business key.
    this.addSql(`create unique index instance_business_key_active on instance (flow_key, business_key)
      where status = 'ACTIVE' and business_key is not null`);
    this.addSql('create index instance_created_idx on instance (created_at desc, id desc)');
    this.addSql('create index instance_started_by_idx on instance (started_by, created_at desc)');
    this.addSql('create index instance_flow_idx on instance (flow_key, status, created_at desc)');

    this.addSql(`create table instance_event (
      id bigint generated always as identity primary key,
      instance_id uuid not null references instance (id),
      seq integer not null check (seq > 0),
      type text not null,
      actor text,
      at timestamptz not null,
      flow_version integer not null,
      definition_hash text not null,
      from_state text,
      to_state text not null,
      payload jsonb not null,
      trace jsonb not null,
      prev_hash text,
      hash text not null,
      constraint instance_event_instance_seq_unique unique (instance_id, seq),
      constraint instance_event_chain_start check ((seq = 1) = (prev_hash is null))
    )`);
    this.addSql('create index instance_event_actor_idx on instance_event (actor, instance_id)');
    this.addSql('create index instance_event_at_idx on instance_event (at, id)');
    this.addSql('create index instance_event_type_idx on instance_event (type, id)');

    this.addSql(`create function signet_refuse_event_change() returns trigger language plpgsql as $$
      begin
        raise exception 'instance_event is append-only: % refused', tg_op
          using errcode = '${APPEND_ONLY_SQLSTATE}',
                hint = 'events are never changed or removed; append a new event instead';
      end
    $$`);
    this.addSql(`create trigger instance_event_append_only before update or delete on instance_event
      for each row execute function signet_refuse_event_change()`);
    this.addSql(`create trigger instance_event_no_truncate before truncate on instance_event
      for each statement execute function signet_refuse_event_change()`);
  }

  override down(): void {
    this.addSql('drop table instance_event');
    this.addSql('drop function signet_refuse_event_change()');
    this.addSql('drop table instance');
    this.addSql('drop table flow_definition');
  }
}
