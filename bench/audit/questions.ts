/**
 * The questions the audit benchmark asks, each twice: through our code path (the store's
 * `pageAuditEvents` / `auditEvents`, the `AuditQueries`) and as hand-written SQL straight on the
 * tables, returning the same first page. `auditEvents` is asked twice per filter: the page alone (what
 * GraphQL runs when `totalCount` is not selected) and the page with its exact count (when it is).
 */
import type { Client } from 'pg';
import type { AuditQueries, SignetStore, Viewer } from '@signet/persistence';

export interface Question {
  name: string;
  ours(): Promise<unknown>;
  hand(): Promise<unknown>;
  /** Aggregates over the whole log run fewer times. */
  heavy?: boolean;
}

export interface Params {
  /** The instance `auditEvents: one instance` pages through. */
  instanceId: string;
  /** Instances written by real steps, each with a moment of its life, asked in turn by `instanceAt`. */
  lives: { instanceId: string; at: Date }[];
  actor: string;
  monthFrom: Date;
  monthTo: Date;
  dayFrom: Date;
  dayTo: Date;
}

const AUDITOR: Viewer = { username: 'qian.hui', roles: ['auditor'], team: 'internal_audit' };
const PAGE = 50;

/** One `auditEvents` filter: its store filter and the WHERE a person would write for it. */
interface EventFilter {
  name: string;
  filter: object;
  where: string;
  params: unknown[];
  order?: 'asc' | 'desc';
  /** The condition is on the instance (the flow): the hand-written SQL joins it too. */
  join?: boolean;
}

function eventQuestions(store: SignetStore, pg: Client, f: EventFilter): Question[] {
  const from = f.join
    ? 'from instance_event e join instance i on i.id = e.instance_id'
    : 'from instance_event e';
  const page = () =>
    pg.query(
      `select e.* ${from} where ${f.where} order by e.id ${f.order ?? 'desc'} limit ${PAGE + 1}`,
      f.params,
    );
  return [
    {
      name: `auditEvents: ${f.name}, page`,
      ours: () => store.pageAuditEvents(f.filter, { first: PAGE }, AUDITOR),
      hand: page,
    },
    {
      name: `auditEvents: ${f.name}, page + totalCount`,
      ours: () => store.auditEvents(f.filter, { first: PAGE }, AUDITOR),
      hand: async () => {
        await pg.query(`select count(*) ${from} where ${f.where}`, f.params);
        return page();
      },
    },
  ];
}

export function questions(store: SignetStore, audit: AuditQueries, pg: Client, p: Params): Question[] {
  const month = [p.monthFrom.toISOString(), p.monthTo.toISOString()];
  return [
    ...[
      {
        name: 'one instance',
        filter: { instanceId: p.instanceId },
        where: 'e.instance_id = $1',
        params: [p.instanceId],
      },
      {
        name: 'flow, newest first',
        filter: { flowKey: 'discount_approval' },
        where: 'i.flow_key = $1',
        params: ['discount_approval'],
        join: true,
      },
      {
        name: 'flow, oldest first',
        filter: { flowKey: 'discount_approval', ascending: true },
        where: 'i.flow_key = $1',
        params: ['discount_approval'],
        order: 'asc' as const,
        join: true,
      },
      {
        name: 'actor in a month',
        filter: { actor: p.actor, after: p.monthFrom, before: p.monthTo },
        where: 'e.actor = $1 and e.at > $2 and e.at < $3',
        params: [p.actor, ...month],
      },
      { name: 'type = approve', filter: { type: 'approve' }, where: 'e.type = $1', params: ['approve'] },
      {
        name: 'one day',
        filter: { after: p.dayFrom, before: p.dayTo },
        where: 'e.at > $1 and e.at < $2',
        params: [p.dayFrom.toISOString(), p.dayTo.toISOString()],
      },
    ].flatMap((f) => eventQuestions(store, pg, f)),
    instanceAtQuestion(audit, pg, p.lives),
    {
      name: 'discounts above authority: newest 50',
      ours: () => audit.discountsAboveAuthority({ first: PAGE }),
      hand: () => pg.query(discountSql('', PAGE), []),
    },
    {
      name: 'discounts above authority: a month',
      ours: () => audit.discountsAboveAuthority({ from: p.monthFrom, to: p.monthTo, first: PAGE }),
      hand: () => pg.query(discountSql('and d.at >= $1 and d.at < $2', PAGE), month),
    },
    {
      name: 'four-eyes refusals: newest 50',
      ours: () => audit.fourEyesRefusals({ first: PAGE }),
      hand: () =>
        pg.query(
          `select * from refusal_log where code = 'SEPARATION_OF_DUTIES' order by at desc, id desc limit ${PAGE}`,
        ),
    },
    {
      name: 'soft conflicts: newest 50',
      ours: () => audit.softConflicts({ first: PAGE }),
      hand: () =>
        pg.query(`with recursive up (username, ancestor) as (
                      select username, superior from org_user where superior is not null
                      union select u.username, o.superior from up u join org_user o on o.username = u.ancestor
                                                                 where o.superior is not null)
                  select e.id, e.instance_id, e.actor, i.started_by, e.at, a.superior
                    from instance_event e join instance i on i.id = e.instance_id
                    join org_user a on a.username = e.actor join org_user r on r.username = i.started_by
                   where e.payload ? 'taskId' and e.actor <> i.started_by
                     and (a.superior = r.superior or (e.actor, i.started_by) in (select * from up))
                   order by e.at desc, e.id desc limit ${PAGE}`),
    },
    {
      name: 'SLA breaches per level, one month',
      ours: () => audit.slaBreaches({ flowKey: 'discount_approval', from: p.monthFrom, to: p.monthFrom }),
      hand: () =>
        pg.query(
          `select t.name, count(*), count(*) filter (where coalesce(t.decided_at, now()) > t.due_at),
                  percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from t.decided_at - t.created_at))
             from task t join instance i on i.id = t.instance_id
            where i.flow_key = 'discount_approval' and t.due_at >= $1 and t.due_at < $2 group by t.name`,
          month,
        ),
    },
    {
      name: 'time in state: percentiles, whole flow',
      heavy: true,
      ours: () => audit.timeInState('discount_approval'),
      hand: () =>
        pg.query(`select e.to_state, t.role, count(*),
                         percentile_cont(array[0.5, 0.9, 0.95]) within group (order by extract(epoch from n.at - e.at))
                    from instance_event e join instance i on i.id = e.instance_id
                    join instance_event n on n.instance_id = e.instance_id and n.seq = e.seq + 1
                    left join lateral (select unnest(candidate_roles) as role from task
                                        where instance_id = e.instance_id and state = e.to_state and created_at = e.at) t on true
                   where i.flow_key = 'discount_approval' group by 1, 2`),
    },
    {
      name: 'user activity: one user, one month',
      ours: () => audit.userActivity(p.actor, { from: p.monthFrom, to: p.monthTo, first: PAGE }),
      // The newest 50 of each source first, then the flow of only the rows returned.
      hand: () =>
        pg.query(
          `select a.*, i.flow_key from (
             (select 'event' as kind, e.id, e.at, e.type, e.instance_id from instance_event e
               where e.actor = $1 and e.at >= $2 and e.at < $3 order by e.at desc limit ${PAGE})
             union all
             (select 'refusal', r.id, r.at, r.operation, r.instance_id from refusal_log r
               where r.actor = $1 and r.at >= $2 and r.at < $3 order by r.at desc limit ${PAGE})
             order by at desc limit ${PAGE}) a
           left join instance i on a.kind = 'event' and i.id = a.instance_id order by a.at desc`,
          [p.actor, ...month],
        ),
    },
    ...[
      { name: 'a month', from: p.monthFrom, to: p.monthTo },
      // The newest month, where the never-answered 1 % of the seed are: a full page of open items.
      {
        name: 'the newest month',
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      },
    ].map((m): Question => ({
      name: `complaint report: open items of ${m.name}, first 50`,
      ours: () => audit.openComplaints({ from: m.from, to: m.from, first: PAGE }),
      hand: () =>
        pg.query(
          `select i.id, i.context -> 'input' ->> 'customer', i.context -> 'input' ->> 'category',
                    i.context -> 'input' ->> 'severity', i.context -> 'input' ->> 'channel', i.created_at,
                    i.started_by, i.state, t.id, t.name, t.assignee, t.candidate_users, t.candidate_roles,
                    t.escalation_level, t.due_at
               from instance i left join task t on t.instance_id = i.id and t.status = 'OPEN'
              where i.flow_key = 'complaint' and i.status = 'ACTIVE' and i.created_at >= $1 and i.created_at < $2
              order by i.created_at, i.id limit ${PAGE}`,
          [m.from.toISOString(), m.to.toISOString()],
        ),
    })),
    {
      name: 'complaint report, one month',
      ours: () => audit.complaintReport({ from: p.monthFrom, to: p.monthFrom }),
      hand: () => complaintReportSql(pg, month),
    },
  ];
}

/**
 * `instanceAt` against "the last event at or before the moment, then the tasks open then in its
 * state". Each side asks about the instances of `lives` in turn (ours and the SQL the same one in a
 * round), so neither answers one instance from a warm cache over and over; ours must have replayed
 * every event up to the moment consistently.
 */
function instanceAtQuestion(audit: AuditQueries, pg: Client, lives: Params['lives']): Question {
  let ours = 0;
  let hand = 0;
  return {
    name: `instanceAt (replay) vs last event + open tasks, ${lives.length} instances in turn`,
    ours: async () => {
      const life = lives[ours++ % lives.length];
      const rebuilt = await audit.instanceAt(life.instanceId, life.at);
      // A replay that stopped early did less work than one that went through: not a fair sample.
      if (!rebuilt?.replayConsistent) {
        throw new Error(
          `instanceAt(${life.instanceId}) did not replay: ${rebuilt?.replayNote ?? 'no instance then'}`,
        );
      }
      return rebuilt;
    },
    hand: async () => {
      const life = lives[hand++ % lives.length];
      const at = life.at.toISOString();
      const last = await pg.query(
        'select to_state from instance_event where instance_id = $1 and at <= $2 order by seq desc limit 1',
        [life.instanceId, at],
      );
      return pg.query(
        'select * from task where instance_id = $1 and created_at <= $2 and (decided_at is null or decided_at > $2) and state = $3',
        [life.instanceId, at, (last.rows[0] as { to_state: string }).to_state],
      );
    },
  };
}

/** The monthly complaint report as a person would write it for one month: two statements. */
async function complaintReportSql(pg: Client, month: string[]): Promise<unknown> {
  const groups = await pg.query(
    `with c as (
       select i.id, i.context -> 'input' ->> 'category' as category, i.context -> 'input' ->> 'severity' as severity,
              i.status = 'ACTIVE' as open,
              extract(epoch from (select min(e.at) from instance_event e
                                   where e.instance_id = i.id and e.type in ('resolve_now', 'reply')) - i.created_at) as reply
         from instance i where i.flow_key = 'complaint' and i.created_at >= $1 and i.created_at < $2)
     select category, severity, count(*), count(*) filter (where open), count(reply),
            percentile_cont(array[0.5, 0.9]) within group (order by reply)
       from c group by grouping sets ((), (category), (severity))`,
    month,
  );
  const levels = await pg.query(
    `select level, count(*) from (
       select row_number() over (partition by e.instance_id order by e.seq) - 1 as level
         from instance_event e join instance i on i.id = e.instance_id
        where i.flow_key = 'complaint' and i.created_at >= $1 and i.created_at < $2 and e.type = 'timer.reply.0'
       union all
       select t.escalation_level from task t join instance i on i.id = t.instance_id
        where i.flow_key = 'complaint' and i.created_at >= $1 and i.created_at < $2 and t.name = 'reply'
          and coalesce(t.decided_at, now()) > t.due_at
          and not exists (select 1 from instance_event e where e.instance_id = t.instance_id
                            and e.type = 'timer.reply.0' and (e.trace -> 'timer' ->> 'dueAt')::timestamptz = t.due_at)
     ) b group by level`,
    month,
  );
  return [groups.rows, levels.rows];
}

/** The columns `audit_discount_above_authority` returns, so both sides decode the same values. */
function discountSql(range: string, limit: number): string {
  return `select d.id, i.id, i.flow_key, i.flow_version, i.started_by, i.context -> 'input' ->> 'unit',
                 i.context -> 'input' ->> 'discount', i.context -> 'input' ->> 'listPrice', i.context -> 'vars' ->> 'reviewer',
                 (select a -> 'values' ->> 'authority(requester)'
                    from instance_event s, jsonb_array_elements(s.trace -> 'actions') a
                   where s.instance_id = i.id and s.seq = 1 and a ->> 'action' = 'set var.reviewer' limit 1),
                 d.from_state, d.actor, d.at
            from instance_event d join instance i on i.id = d.instance_id
           where d.type = 'approve' and d.to_state = 'approved' and i.flow_key = 'discount_approval'
             and d.actor <> i.started_by ${range}
           order by d.at desc, d.id desc limit ${limit}`;
}
