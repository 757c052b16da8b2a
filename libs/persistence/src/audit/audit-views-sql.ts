/**
 * The compliance views of `docs/audit.md`, created by migration 0005. Each answers one auditor's
 * question straight from the tables the steps write (so they are never stale); the GraphQL fields
 * and `bench/audit` read them with a `where` and a `limit`. Views may be replaced by later
 * migrations; these strings are part of 0005 and must not change once shipped.
 */
export const AUDIT_VIEWS_SQL: readonly string[] = [
  // A discount approved by someone other than the requester went above the requester's authority
  // (within it, the start step approves it with no reviewer). The authority is the one the start
  // step's trace recorded, not today's directory.
  `create view audit_discount_above_authority as
   select d.id as event_id, i.id as instance_id, i.flow_key, i.flow_version,
          i.started_by as requester,
          i.context -> 'input' ->> 'unit' as unit,
          i.context -> 'input' ->> 'discount' as discount,
          i.context -> 'input' ->> 'listPrice' as list_price,
          (select a -> 'values' ->> 'authority(requester)'
             from instance_event s, jsonb_array_elements(coalesce(s.trace -> 'actions', '[]')) a
            where s.instance_id = i.id and s.seq = 1 and a ->> 'action' = 'set var.reviewer'
            limit 1) as requester_authority,
          i.context -> 'vars' ->> 'reviewer' as level,
          d.from_state as signed_in_state, d.actor as signed_by, d.at as signed_at
     from instance_event d join instance i on i.id = d.instance_id
    where i.flow_key = 'discount_approval' and d.to_state = 'approved' and d.type = 'approve'
      and d.actor is not null and d.actor <> i.started_by`,

  // Refused attempts to decide where the decider was excluded by a four-eyes rule (separateFrom).
  `create view audit_four_eyes_refusal as
   select r.id, r.at, r.actor, r.operation, r.instance_id, r.task_id, r.message, r.details
     from refusal_log r where r.code = 'SEPARATION_OF_DUTIES'`,

  // Every (user, ancestor) pair of the superior hierarchy, at any depth (UNION stops on cycles).
  `create recursive view org_user_ancestor (username, ancestor) as
     select username, superior from org_user where superior is not null
     union
     select a.username, u.superior from org_user_ancestor a join org_user u on u.username = a.ancestor
      where u.superior is not null`,

  // Approvals (decisions on a task) where the approver and the requester are close in the hierarchy
  // without the approver being above the requester: peers with the same direct superior, or the
  // approver reporting (at any depth) to the requester. Read against today's directory. No WITH here:
  // a view with a CTE cannot take the caller's ORDER BY … LIMIT into its scan.
  `create view audit_soft_conflict as
   select e.id as event_id, e.instance_id, i.flow_key, e.type as decision, e.from_state as task_state,
          e.actor as approver, i.started_by as requester, e.at,
          case when ra.superior = rr.superior then 'same_superior' else 'approver_reports_to_requester' end
            as relation,
          case when ra.superior = rr.superior then ra.superior end as shared_superior
     from instance_event e
     join instance i on i.id = e.instance_id
     join org_user ra on ra.username = e.actor
     join org_user rr on rr.username = i.started_by
    where e.payload ? 'taskId' and e.actor <> i.started_by
      and (ra.superior = rr.superior
           -- IN (not a correlated EXISTS): the closure is hashed once per query, not scanned per row.
           or (e.actor, i.started_by) in (select username, ancestor from org_user_ancestor))`,

  // When an instance left a state it was in since `since` (null if it has not). PL/pgSQL with a declared
  // cost: an inlined subquery would be costed for every task even where COALESCE never runs it, and
  // the inflated estimate switches on JIT compilation, which costs more than the whole query.
  `create function signet_state_left_at(p_instance uuid, p_state text, p_since timestamptz)
     returns timestamptz language plpgsql stable cost 10 as $$
     begin
       return (select min(e.at) from instance_event e
                where e.instance_id = p_instance and e.from_state = p_state and e.at >= p_since);
     end
   $$`,

  // Each human task with a due time, and when it was closed: decided, or left when its state was left.
  `create view audit_task_sla as
   select t.id as task_id, t.instance_id, i.flow_key, t.name as level, t.state, t.status, t.created_at,
          t.due_at, c.closed_at, coalesce(c.closed_at, now()) > t.due_at as breached
     from task t
     join instance i on i.id = t.instance_id
     cross join lateral (
       select coalesce(t.decided_at, signet_state_left_at(t.instance_id, t.state, t.created_at)) as closed_at
     ) c
    where t.due_at is not null`,

  // SLA breaches per flow, escalation level (task) and month of the due time.
  `create view audit_sla_breach_monthly as
   select flow_key, level, date_trunc('month', due_at at time zone 'UTC') as month,
          count(*)::int as tasks,
          (count(*) filter (where breached))::int as breaches,
          (count(*) filter (where closed_at is null))::int as open_tasks,
          percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at))
            as p50_close_seconds,
          percentile_cont(0.9) within group (order by extract(epoch from closed_at - created_at))
            as p90_close_seconds
     from audit_task_sla group by 1, 2, 3`,

  // Every stay of an instance in a state: entered by one event, left by the next (if any), with the
  // candidate roles of the task the state opened ('-' when it opened none).
  `create view audit_state_stay as
   select i.flow_key, e.instance_id, e.to_state as state, coalesce(r.role, '-') as role,
          e.at as entered_at, n.at as left_at, n.actor as left_by
     from instance_event e
     join instance i on i.id = e.instance_id
     left join instance_event n on n.instance_id = e.instance_id and n.seq = e.seq + 1
     left join lateral (
       select unnest(t.candidate_roles) as role from task t
        where t.instance_id = e.instance_id and t.state = e.to_state and t.created_at = e.at
     ) r on true`,

  // Time-in-state percentiles of completed stays, per flow, state and role.
  `create view audit_time_in_state as
   select flow_key, state, role, count(*)::int as stays,
          percentile_cont(0.5) within group (order by extract(epoch from left_at - entered_at)) as p50_seconds,
          percentile_cont(0.9) within group (order by extract(epoch from left_at - entered_at)) as p90_seconds,
          percentile_cont(0.95) within group (order by extract(epoch from left_at - entered_at)) as p95_seconds,
          max(extract(epoch from left_at - entered_at)) as max_seconds
     from audit_state_stay where left_at is not null group by 1, 2, 3`,

  // Everything a user did: steps they took, attempts refused, flows they deployed.
  `create view audit_user_activity as
   select 'event' as kind, e.id::text as ref, e.at, e.actor, e.instance_id, i.flow_key, e.type as action,
          e.from_state, e.to_state, null::text as code
     from instance_event e join instance i on i.id = e.instance_id where e.actor is not null
   union all
   select 'refusal', r.id::text, r.at, r.actor, r.instance_id, null, r.operation, null, null, r.code
     from refusal_log r
   union all
   select 'deploy', d.id::text, d.deployed_at, d.deployed_by, null, d.key, 'deployFlow', null,
          'v' || d.version, null
     from flow_definition d where d.deployed_by is not null`,
];
