/**
 * The set-based SQL that adds complaints (workflows/complaint.flow) to the benchmark database for the
 * monthly complaint report: `complaints` of them over the same year as the discount requests, each
 * with the events the shipped flow writes and its reply task. Spread by `n`:
 * - severity: 5 % crisis, 15 % major, 80 % normal; six categories in turn;
 * - a third of the normal ones resolved at once in triage (answered after 30–120 min);
 * - the others assigned (normal, after 1 h) or opened at once at the supervisor (major) or the manager
 *   and director (crisis), escalated once (10 %) or twice (4 %), answered 1–20 h into the last level;
 *   a crisis then has its written report;
 * - the follow-up call closes it a day later, except for the newest 1 % (never answered: open, past
 *   their due time) and 2 % left waiting for the follow-up call.
 * Each escalation is a timer step traced as the engine traces it (`timer`, an `assignee` check).
 */
import { BENCH_START, BENCH_USERS } from './seed-sql';

export function complaintSeedStatements(
  complaints: number,
  definitionId: string,
  definitionHash: string,
): string[] {
  const user = (expr: string) => `'bench.user.' || lpad((${expr})::text, 3, '0')`;
  return [
    `create unlogged table bench_cmp as
       select n, gen_random_uuid() as id, gen_random_uuid() as task_id,
              '${BENCH_START}'::timestamptz + (n::float8 / ${complaints}) * interval '365 days' as created,
              ${user(`n % ${BENCH_USERS}`)} as agent,
              (array['water leak', 'noise', 'property fee', 'parking', 'safety', 'decoration'])[n % 6 + 1]
                as category,
              case when n % 20 = 0 then 'crisis' when n % 20 < 4 then 'major' else 'normal' end as severity,
              case when n % 10 = 1 then 1 when n % 25 = 2 then 2 else 0 end as escalations,
              n >= ${Math.floor(complaints * 0.99)} as unanswered,
              n % 50 = 7 as awaiting_follow_up
         from generate_series(0, ${complaints - 1}) n`,
    `alter table bench_cmp add column at_once boolean, add column reply_open timestamptz,
       add column answer_at timestamptz, add column owner text`,
    `update bench_cmp set
       at_once = severity = 'normal' and n % 3 = 0,
       reply_open = created + case when severity = 'normal' then interval '1 hour' else interval '0' end,
       owner = case severity when 'crisis' then 'liu.yang' when 'major' then 'huang.lei' else 'chen.jie' end`,
    `update bench_cmp set answer_at = case
       when unanswered then null
       when at_once then created + (n % 4 + 1) * interval '30 minutes'
       else reply_open + escalations * interval '24 hours' + ((n::bigint * 7919) % 20 + 1) * interval '1 hour' end`,
    // Every step of every complaint, in order; `ord` sorts them, `seq` numbers them.
    `create unlogged table bench_cmp_event as
       select c.id as instance_id, row_number() over (partition by c.id order by s.ord)::int as seq,
              s.type, s.actor, s.at, s.from_state, s.to_state, s.timer_due
         from bench_cmp c cross join lateral (
           select 0 as ord, 'start' as type, c.agent as actor, c.created as at, null::text as from_state,
                  case when c.severity = 'normal' then 'triage' else 'reply' end as to_state,
                  null::timestamptz as timer_due
           union all
           select 1, 'resolve_now', c.agent, c.answer_at, 'triage', 'follow_up', null
            where c.at_once and c.answer_at is not null
           union all
           select 1, 'assign', c.agent, c.reply_open, 'triage', 'reply', null
            where c.severity = 'normal' and not c.at_once
           union all
           select 1 + j, 'timer.reply.0', null, c.reply_open + j * interval '24 hours', 'reply', 'reply',
                  c.reply_open + j * interval '24 hours'
             from generate_series(1, case when c.at_once then 0 else c.escalations end) j
           union all
           select 10, 'reply', c.owner, c.answer_at, 'reply',
                  case when c.severity = 'crisis' then 'written_report' else 'follow_up' end, null
            where not c.at_once and c.answer_at is not null
           union all
           select 11, 'submit_report', c.owner, c.answer_at + interval '2 hours', 'written_report', 'follow_up', null
            where c.severity = 'crisis' and c.answer_at is not null
           union all
           select 12, 'close', c.agent, c.answer_at + interval '26 hours', 'follow_up', 'closed', null
            where c.answer_at is not null and not c.awaiting_follow_up
         ) s`,
    `insert into instance (id, definition_id, flow_key, flow_version, business_key, status, state, context,
                           snapshot, version, started_by, created_at, updated_at)
       select c.id, '${definitionId}', 'complaint', 1, null,
              case when last.to_state = 'closed' then 'COMPLETED' else 'ACTIVE' end, last.to_state,
              jsonb_build_object('input', jsonb_build_object('customer', 'Customer ' || c.n, 'channel', 'phone',
                                 'category', c.category, 'severity', c.severity, 'description', '…'),
                                 'vars', jsonb_build_object('agent', c.agent, 'owner', c.owner),
                                 'requester', c.agent),
              '{}'::jsonb, last.seq, c.agent, c.created, last.at
         from bench_cmp c
         join (select distinct on (instance_id) instance_id, seq, to_state, at from bench_cmp_event
                order by instance_id, seq desc) last on last.instance_id = c.id`,
    `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash, from_state,
                                 to_state, payload, trace, prev_hash, hash)
       select e.instance_id, e.seq, e.type, e.actor, e.at, 1, '${definitionHash}', e.from_state, e.to_state,
              case when e.seq = 1 then '{}'::jsonb else jsonb_build_object('taskId', e.instance_id) end,
              case when e.timer_due is null then '{"guards": [], "tables": [], "checks": []}'::jsonb
                   else jsonb_build_object('guards', '[]'::jsonb, 'tables', '[]'::jsonb,
                          'checks', jsonb_build_array(jsonb_build_object('check', 'assignee', 'passed', true,
                                     'detail', 'timer.reply.0: reply escalated')),
                          'timer', jsonb_build_object('dueAt', to_char(e.timer_due at time zone 'UTC',
                                     'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) end,
              case when e.seq = 1 then null else md5(e.instance_id::text || (e.seq - 1)) end,
              md5(e.instance_id::text || e.seq)
         from bench_cmp_event e`,
    `insert into task (id, instance_id, name, state, title, decisions, candidate_roles, excluded_users, status,
                       assignee, escalation_level, due_at, created_at, decided_by, decision, decided_at)
       select task_id, id, 'reply', 'reply', 'Reply to the customer', '{reply}', '{}', '{}',
              case when answer_at is null then 'OPEN' else 'DONE' end, owner, escalations,
              reply_open + (escalations + 1) * interval '24 hours', reply_open,
              case when answer_at is null then null else owner end,
              case when answer_at is null then null else 'reply' end, answer_at
         from bench_cmp where not at_once`,
    'drop table bench_cmp_event',
    'drop table bench_cmp',
  ];
}
