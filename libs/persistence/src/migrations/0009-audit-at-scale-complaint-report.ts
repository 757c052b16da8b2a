import { Migration } from '@mikro-orm/migrations';
import { COMPLAINT_VIEWS_SQL } from '../audit/complaint-views-sql';

/**
 * The audit queries at ten million events and the monthly complaint report (ADR 0013, `docs/audit.md`):
 * - `audit_user_activity` without a filter in its union branches and with the flow key read by a
 *   scalar subquery: PostgreSQL then merges the branches in `(actor, at)` index order and stops at the
 *   caller's `LIMIT`, reading the instance of only the rows it returns (a branch `WHERE` or a join
 *   makes it read and sort every event of the user in the range). Steps taken by timers now appear
 *   with a null actor; the question filters by actor, which leaves them out.
 * - `audit_sla_breach_monthly` with both percentiles from one sort.
 * - `instance_flow_created_idx`: the complaints of a month, by the time they were recorded.
 * - `audit_complaint_breach`, `audit_complaint`, `signet_complaint_monthly(from, to)` and the view
 *   `audit_complaint_monthly` over it.
 */
export class Migration0009AuditAtScaleComplaintReport extends Migration {
  override up(): void {
    this.addSql(`create or replace view audit_user_activity as
     select 'event' as kind, e.id::text as ref, e.at, e.actor, e.instance_id,
            (select i.flow_key from instance i where i.id = e.instance_id) as flow_key, e.type as action,
            e.from_state, e.to_state, null::text as code
       from instance_event e
     union all
     select 'refusal', r.id::text, r.at, r.actor, r.instance_id, null, r.operation, null, null, r.code
       from refusal_log r
     union all
     select 'deploy', d.id::text, d.deployed_at, d.deployed_by, null, d.key, 'deployFlow', null,
            'v' || d.version, null
       from flow_definition d`);
    this.addSql(`create or replace view audit_sla_breach_monthly as
     select flow_key, level, month, tasks, breaches, open_tasks, p[1] as p50_close_seconds,
            p[2] as p90_close_seconds
       from (select flow_key, level, date_trunc('month', due_at at time zone 'UTC') as month,
                    count(*)::int as tasks,
                    (count(*) filter (where breached))::int as breaches,
                    (count(*) filter (where closed_at is null))::int as open_tasks,
                    percentile_cont(array[0.5, 0.9]) within group
                      (order by extract(epoch from closed_at - created_at)) as p
               from audit_task_sla group by 1, 2, 3) s`);
    this.addSql('create index instance_flow_created_idx on instance (flow_key, created_at)');
    for (const sql of COMPLAINT_VIEWS_SQL) this.addSql(sql);
  }

  override down(): void {
    this.addSql('drop view audit_complaint_monthly');
    this.addSql('drop function signet_complaint_monthly(timestamptz, timestamptz)');
    this.addSql('drop view audit_complaint');
    this.addSql('drop view audit_complaint_breach');
    this.addSql('drop index instance_flow_created_idx');
    // The 0005 definitions of the two replaced views.
    this.addSql(`create or replace view audit_sla_breach_monthly as
     select flow_key, level, date_trunc('month', due_at at time zone 'UTC') as month,
            count(*)::int as tasks,
            (count(*) filter (where breached))::int as breaches,
            (count(*) filter (where closed_at is null))::int as open_tasks,
            percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at))
              as p50_close_seconds,
            percentile_cont(0.9) within group (order by extract(epoch from closed_at - created_at))
              as p90_close_seconds
       from audit_task_sla group by 1, 2, 3`);
    this.addSql(`create or replace view audit_user_activity as
     select 'event' as kind, e.id::text as ref, e.at, e.actor, e.instance_id, i.flow_key, e.type as action,
            e.from_state, e.to_state, null::text as code
       from instance_event e join instance i on i.id = e.instance_id where e.actor is not null
     union all
     select 'refusal', r.id::text, r.at, r.actor, r.instance_id, null, r.operation, null, null, r.code
       from refusal_log r
     union all
     select 'deploy', d.id::text, d.deployed_at, d.deployed_by, null, d.key, 'deployFlow', null,
            'v' || d.version, null
       from flow_definition d where d.deployed_by is not null`);
  }
}
