import { Migration } from '@mikro-orm/migrations';
import { AUDIT_VIEWS_SQL } from '../audit/audit-views-sql';

/**
 * The auditor's side of the log (ADR 0009): a global hash chain over every event, written by a trigger
 * in the transaction that appends the event; an append-only log of refused attempts (written outside
 * the refused transaction, which rolls back); the compliance views of `docs/audit.md`; and the indexes
 * the audit queries page through.
 */
export class Migration0005AuditChainRefusalsViews extends Migration {
  override up(): void {
    this.addSql(`create function signet_refuse_audit_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'SG001';
      end
    $$`);

    // seq is gapless (assigned under the head row's lock), so a removed link shows as a gap.
    this.addSql(`create table audit_chain (
      seq bigint primary key,
      event_id bigint not null unique,
      instance_id uuid not null,
      event_hash text not null,
      prev_hash text,
      hash text not null
    )`);
    this.addSql(`create table audit_chain_head (
      id boolean primary key default true check (id),
      seq bigint not null,
      hash text
    )`);
    this.addSql('insert into audit_chain_head (id, seq, hash) values (true, 0, null)');
    this.addSql(`create function signet_chain_link(event_id bigint, event_hash text, prev text) returns text
      language sql immutable as $$
        select encode(sha256(convert_to(coalesce(prev, '') || event_id::text || ':' || event_hash, 'UTF8')), 'hex')
      $$`);
    // The head row lock serialises appends to the global chain; it is held until the step commits.
    this.addSql(`create function signet_chain_event() returns trigger language plpgsql as $$
      declare
        head record;
        next text;
      begin
        select seq, hash into head from audit_chain_head where id for update;
        next := signet_chain_link(new.id, new.hash, head.hash);
        insert into audit_chain (seq, event_id, instance_id, event_hash, prev_hash, hash)
          values (head.seq + 1, new.id, new.instance_id, new.hash, head.hash, next);
        update audit_chain_head set seq = head.seq + 1, hash = next where id;
        return null;
      end
    $$`);
    // Events written before this migration join the chain in log order.
    this.addSql(`do $$
      declare e record;
      declare head record;
      begin
        for e in select id, instance_id, hash from instance_event order by id loop
          select seq, hash into head from audit_chain_head where id;
          insert into audit_chain (seq, event_id, instance_id, event_hash, prev_hash, hash)
            values (head.seq + 1, e.id, e.instance_id, e.hash, head.hash, signet_chain_link(e.id, e.hash, head.hash));
          update audit_chain_head set seq = head.seq + 1, hash = signet_chain_link(e.id, e.hash, head.hash) where id;
        end loop;
      end
    $$`);
    this.addSql(`create trigger instance_event_global_chain after insert on instance_event
      for each row execute function signet_chain_event()`);
    this.addSql(`create trigger audit_chain_append_only before update or delete on audit_chain
      for each row execute function signet_refuse_audit_change()`);

    this.addSql(`create table refusal_log (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor text not null,
      operation text not null,
      code text not null,
      message text not null,
      instance_id uuid,
      task_id uuid,
      details jsonb not null default '{}'
    )`);
    this.addSql('create index refusal_log_at_idx on refusal_log (at desc, id desc)');
    this.addSql('create index refusal_log_actor_idx on refusal_log (actor, at desc)');
    this.addSql(`create trigger refusal_log_append_only before update or delete on refusal_log
      for each row execute function signet_refuse_audit_change()`);

    // Paging the log by instance, by flow over time, by actor over time and by type, newest first.
    this.addSql('create index instance_event_instance_id_idx on instance_event (instance_id, id)');
    this.addSql('create index instance_event_actor_at_idx on instance_event (actor, at, id)');
    this.addSql('create index instance_event_to_state_idx on instance_event (to_state, id)');
    this.addSql('create index instance_flow_key_idx on instance (flow_key, id)');
    this.addSql('create index task_due_idx on task (due_at) where due_at is not null');
    for (const sql of AUDIT_VIEWS_SQL) this.addSql(sql);
  }

  override down(): void {
    this.addSql('drop trigger instance_event_global_chain on instance_event');
    for (const view of [
      'audit_user_activity',
      'audit_time_in_state',
      'audit_state_stay',
      'audit_sla_breach_monthly',
      'audit_task_sla',
      'audit_soft_conflict',
      'org_user_ancestor',
      'audit_four_eyes_refusal',
      'audit_discount_above_authority',
    ]) {
      this.addSql(`drop view if exists ${view}`);
    }
    this.addSql('drop function signet_state_left_at(uuid, text, timestamptz)');
    this.addSql('drop table refusal_log');
    this.addSql('drop table audit_chain');
    this.addSql('drop table audit_chain_head');
    this.addSql('drop function signet_chain_event()');
    this.addSql('drop function signet_chain_link(bigint, text, text)');
    this.addSql('drop function signet_refuse_audit_change()');
  }
}
