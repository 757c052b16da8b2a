/**
 * The set-based SQL that fills the benchmark database: `instances` discount requests spread over a
 * year, `eventsPer` events each (start → reminders in the review state → decision), one review task
 * each with a 24 h SLA, four-eyes refusals for 2 % of them and peer approvals (soft conflicts) for 1 %.
 * 200 synthetic consultants (`bench.user.000` …) under `chen.jie` make per-user questions realistic.
 */
export const BENCH_USERS = 200;
export const BENCH_START = '2025-11-01T00:00:00Z';

export function seedStatements(
  instances: number,
  eventsPer: number,
  definitionId: string,
  definitionHash: string,
): string[] {
  return [
    `insert into org_user (username, display_name, team, superior)
       select 'bench.user.' || lpad(u::text, 3, '0'), 'Bench user ' || u, 'sunrise_sales', 'chen.jie'
         from generate_series(0, ${BENCH_USERS - 1}) u`,
    `insert into org_user_role (username, role)
       select 'bench.user.' || lpad(u::text, 3, '0'), 'consultant' from generate_series(0, ${BENCH_USERS - 1}) u`,
    // One row per instance with everything its events and task derive from.
    `create unlogged table bench_inst as
       select n, gen_random_uuid() as id,
              '${BENCH_START}'::timestamptz + (n::float8 / ${instances}) * interval '365 days' as created,
              'bench.user.' || lpad((n % ${BENCH_USERS})::text, 3, '0') as requester,
              case when n % 10 < 6 then 0 when n % 10 < 9 then 1 else 2 end as level,
              ((n::bigint * 7919) % 48 + 1) * interval '1 hour' as took,
              n % 7 <> 0 as approved
         from generate_series(0, ${instances - 1}) n`,
    `alter table bench_inst add column state text, add column reviewer text, add column discount text,
       add column role text`,
    `update bench_inst set
       state = (array['manager_review', 'director_review', 'vp_review'])[level + 1],
       role = (array['sales_manager', 'sales_director', 'vice_president'])[level + 1],
       discount = (array['2%', '4%', '8%'])[level + 1],
       reviewer = case when n % 100 = 0 then 'bench.user.' || lpad(((n + 1) % ${BENCH_USERS})::text, 3, '0')
                       else (array['chen.jie', 'liu.yang', 'huang.lei'])[level + 1] end`,
    `insert into instance (id, definition_id, flow_key, flow_version, business_key, status, state, context,
                           snapshot, version, started_by, created_at, updated_at)
       select id, '${definitionId}', 'discount_approval', 1, null, 'COMPLETED',
              case when approved then 'approved' else 'rejected' end,
              jsonb_build_object('input', jsonb_build_object('unit', 'A-' || lpad((n % 1208)::text, 4, '0'),
                                 'discount', discount, 'listPrice', '1850000.00'),
                                 'vars', jsonb_build_object('reviewer', (array['manager', 'director', 'vice_president'])[level + 1]),
                                 'requester', requester),
              '{}'::jsonb, ${eventsPer}, requester, created, created + took
         from bench_inst`,
    `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash, from_state,
                                 to_state, payload, trace, prev_hash, hash)
       select b.id, s,
              case when s = 1 then 'start' when s < ${eventsPer} then 'remind'
                   when b.approved then 'approve' else 'reject' end,
              case when s = ${eventsPer} then b.reviewer else b.requester end,
              b.created + (s - 1)::float8 / ${eventsPer - 1} * b.took,
              1, '${definitionHash}',
              case when s = 1 then null else b.state end,
              case when s < ${eventsPer} then b.state when b.approved then 'approved' else 'rejected' end,
              case when s = 1 then jsonb_build_object('input', jsonb_build_object('discount', b.discount))
                   else jsonb_build_object('taskId', b.id) end,
              case when s = 1 then jsonb_build_object('actions', jsonb_build_array(jsonb_build_object(
                     'action', 'set var.reviewer', 'values', jsonb_build_object('authority(requester)', '1%',
                     'input.discount', b.discount))))
                   else '{}'::jsonb end,
              case when s = 1 then null else md5(b.id::text || (s - 1)) end,
              md5(b.id::text || s)
         from bench_inst b cross join generate_series(1, ${eventsPer}) s`,
    `insert into task (id, instance_id, name, state, title, decisions, candidate_roles, excluded_users, status,
                       due_at, created_at, decided_by, decision, decided_at)
       select gen_random_uuid(), id, state, state, 'Discount review', '{approve,reject}', array[role],
              array[requester], 'DONE', created + interval '24 hours', created, reviewer,
              case when approved then 'approve' else 'reject' end, created + took
         from bench_inst`,
    `insert into refusal_log (at, actor, operation, code, message, instance_id, task_id)
       select created + interval '5 minutes', requester, 'decideTask', 'SEPARATION_OF_DUTIES',
              requester || ' is excluded by separateFrom requester', id, null
         from bench_inst where n % 50 = 0`,
    'drop table bench_inst',
  ];
}
