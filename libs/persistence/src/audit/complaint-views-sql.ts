/**
 * The monthly complaint report of `docs/audit.md` (PROCESSES.md §2.7, 客户投诉情况及处理月报),
 * created by migration 0009 over the shipped `complaint` flow. It reads only the flow's public
 * contract: its state and task names (`triage`, `reply`, `written_report`, `follow_up`, `closed`),
 * its input fields `category`, `severity`, `channel`, and the shape every escalation step has in the
 * log (a timer step that stays in its state, traced with `timer` and an `assignee` check). Months are
 * UTC calendar months of the time the complaint was recorded. These strings are part of 0009 and
 * must not change once shipped.
 */
export const COMPLAINT_VIEWS_SQL: readonly string[] = [
  // One row per missed reply deadline, at the escalation level the reply task had when it passed
  // (0 = the first owner). A fired escalation timer is a breach at the number of escalations before
  // it (an escalation that found nobody above counts too, and changes nothing); a reply task still
  // open past its due time, or replied after it before the timer fired, is a breach at its level.
  `create view audit_complaint_breach as
   select e.instance_id, (e.trace -> 'timer' ->> 'dueAt')::timestamptz as due_at,
          (select count(*) from instance_event p
            where p.instance_id = e.instance_id and p.seq < e.seq and p.from_state = 'reply'
              and p.to_state = 'reply' and p.trace ? 'timer'
              and p.trace -> 'checks' @> '[{"check": "assignee", "passed": true}]')::int as level,
          e.id as event_id
     from instance_event e join instance i on i.id = e.instance_id
    where i.flow_key = 'complaint' and e.from_state = 'reply' and e.to_state = 'reply'
      and e.trace ? 'timer' and e.trace -> 'checks' @> '[{"check": "assignee"}]'
   union all
   select t.instance_id, t.due_at, t.escalation_level, null
     from task t join instance i on i.id = t.instance_id
    where i.flow_key = 'complaint' and t.name = 'reply' and coalesce(t.decided_at, now()) > t.due_at
      and not exists (
        select 1 from instance_event e
         where e.instance_id = t.instance_id and e.from_state = 'reply' and e.to_state = 'reply'
           and e.trace ? 'timer' and (e.trace -> 'timer' ->> 'dueAt')::timestamptz = t.due_at)`,

  // One row per complaint: when it was recorded and answered (resolved at once in triage, or the
  // reply of the owner), where its reply task stands, and the level of each of its breaches.
  `create view audit_complaint as
   select i.id as instance_id,
          date_trunc('month', i.created_at at time zone 'UTC') as month,
          i.created_at as recorded_at, i.started_by as recorded_by,
          i.context -> 'input' ->> 'category' as category,
          i.context -> 'input' ->> 'severity' as severity,
          i.context -> 'input' ->> 'channel' as channel,
          i.status, i.state, i.status = 'ACTIVE' as open,
          a.answered_at, extract(epoch from a.answered_at - i.created_at) as reply_seconds,
          r.task_id as reply_task_id, r.escalation_level as reply_level, r.due_at as reply_due_at,
          -- Only a reply task escalated or past its due time can have breaches: the others skip the lookup.
          case when r.escalation_level > 0 or coalesce(r.decided_at, now()) > r.due_at
               then array(select b.level from audit_complaint_breach b
                           where b.instance_id = i.id order by b.level)
               else '{}'::integer[] end as breach_levels
     from instance i
     left join lateral (
       select min(e.at) as answered_at from instance_event e
        where e.instance_id = i.id and e.from_state in ('triage', 'reply')
          and e.to_state in ('follow_up', 'written_report')
     ) a on true
     left join lateral (
       select t.id as task_id, t.escalation_level, t.due_at, t.decided_at from task t
        where t.instance_id = i.id and t.name = 'reply' order by t.created_at desc limit 1
     ) r on true
    where i.flow_key = 'complaint'`,

  // The report for complaints recorded in [p_from, p_to) (null: unbounded), one row per month and
  // dimension: 'all' (key null), 'category', 'severity' (key the value), 'level' (key the escalation
  // level; complaints / open_items count the complaints with a breach there). Reply percentiles
  // over the answered complaints, from recording to answer; one sort serves both. Without JIT: the
  // planner guesses ~100 events per instance at 10 M, so the per-complaint lookups look costly
  // enough to compile the plan, which took longer (1.8 s) than running it.
  `create function signet_complaint_monthly(p_from timestamptz, p_to timestamptz)
     returns table (month timestamp, dimension text, key text, complaints integer, open_items integer,
                    answered integer, reply_p50_seconds double precision,
                    reply_p90_seconds double precision, breaches integer)
     language sql stable set jit = off as $$
     with c as materialized (
       select * from audit_complaint
        where (p_from is null or recorded_at >= p_from) and (p_to is null or recorded_at < p_to)
     )
     select month, dimension, key, complaints, open_items, answered, p[1], p[2], breaches
       from (select c.month,
                    case when grouping(c.category) = 0 then 'category'
                         when grouping(c.severity) = 0 then 'severity' else 'all' end as dimension,
                    coalesce(c.category, c.severity) as key,
                    count(*)::int as complaints, (count(*) filter (where c.open))::int as open_items,
                    count(c.answered_at)::int as answered,
                    percentile_cont(array[0.5, 0.9]) within group (order by c.reply_seconds) as p,
                    sum(cardinality(c.breach_levels))::int as breaches
               from c group by grouping sets ((c.month), (c.month, c.category), (c.month, c.severity))
             union all
             select c.month, 'level', b.level::text, count(distinct c.instance_id)::int,
                    (count(distinct c.instance_id) filter (where c.open))::int, null, null, count(*)::int
               from c cross join unnest(c.breach_levels) as b(level)
              group by c.month, b.level) r
   $$`,

  `create view audit_complaint_monthly as select * from signet_complaint_monthly(null, null)`,
];
