/**
 * The questions the audit benchmark asks, each twice: through our code path (the store's
 * `auditEvents`, the `AuditQueries`) and as hand-written SQL straight on the tables, returning the
 * same first page. `auditEvents` answers with a Relay connection including `totalCount`, so its
 * hand-written twin runs the page and the count too.
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
  instanceId: string;
  /** A moment in the middle of that instance's life. */
  midLife: Date;
  actor: string;
  monthFrom: Date;
  monthTo: Date;
  dayFrom: Date;
  dayTo: Date;
}

const AUDITOR: Viewer = { username: 'qian.hui', roles: ['auditor'], team: 'internal_audit' };
const PAGE = 50;
const FROM = 'from instance_event e join instance i on i.id = e.instance_id';

export function questions(store: SignetStore, audit: AuditQueries, pg: Client, p: Params): Question[] {
  const events = (filter: object) => () => store.auditEvents(filter, { first: PAGE }, AUDITOR);
  const handEvents =
    (where: string, params: unknown[], order = 'desc') =>
    async () => {
      await pg.query(`select count(*)::int ${FROM} where ${where}`, params);
      return pg.query(`select e.* ${FROM} where ${where} order by e.id ${order} limit ${PAGE + 1}`, params);
    };
  const month = [p.monthFrom.toISOString(), p.monthTo.toISOString()];
  return [
    {
      name: 'auditEvents: one instance',
      ours: events({ instanceId: p.instanceId }),
      hand: handEvents('e.instance_id = $1', [p.instanceId]),
    },
    {
      name: 'auditEvents: flow, newest first',
      ours: events({ flowKey: 'discount_approval' }),
      hand: handEvents('i.flow_key = $1', ['discount_approval']),
    },
    {
      name: 'auditEvents: flow, oldest first',
      ours: events({ flowKey: 'discount_approval', ascending: true }),
      hand: handEvents('i.flow_key = $1', ['discount_approval'], 'asc'),
    },
    {
      name: 'auditEvents: actor in a month',
      ours: events({ actor: p.actor, after: p.monthFrom, before: p.monthTo }),
      hand: handEvents('e.actor = $1 and e.at > $2 and e.at < $3', [p.actor, ...month]),
    },
    {
      name: 'auditEvents: type = approve',
      ours: events({ type: 'approve' }),
      hand: handEvents('e.type = $1', ['approve']),
    },
    {
      name: 'auditEvents: one day',
      ours: events({ after: p.dayFrom, before: p.dayTo }),
      hand: handEvents('e.at > $1 and e.at < $2', [p.dayFrom.toISOString(), p.dayTo.toISOString()]),
    },
    {
      name: 'instanceAt (replay) vs last event + open tasks',
      ours: () => audit.instanceAt(p.instanceId, p.midLife),
      hand: async () => {
        const at = p.midLife.toISOString();
        const last = await pg.query(
          'select to_state from instance_event where instance_id = $1 and at <= $2 order by seq desc limit 1',
          [p.instanceId, at],
        );
        await pg.query(
          'select * from task where instance_id = $1 and created_at <= $2 and (decided_at is null or decided_at > $2) and state = $3',
          [p.instanceId, at, (last.rows[0] as { to_state: string }).to_state],
        );
      },
    },
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
      hand: () =>
        pg.query(
          `(select 'event', e.id, e.at, e.type from instance_event e where e.actor = $1 and e.at >= $2 and e.at < $3)
           union all (select 'refusal', r.id, r.at, r.operation from refusal_log r where r.actor = $1 and r.at >= $2 and r.at < $3)
           order by 3 desc limit ${PAGE}`,
          [p.actor, ...month],
        ),
    },
  ];
}

function discountSql(range: string, limit: number): string {
  return `select d.id, i.id, i.started_by, i.context -> 'input' ->> 'discount', i.context -> 'vars' ->> 'reviewer',
                 (select a -> 'values' ->> 'authority(requester)'
                    from instance_event s, jsonb_array_elements(s.trace -> 'actions') a
                   where s.instance_id = i.id and s.seq = 1 and a ->> 'action' = 'set var.reviewer' limit 1),
                 d.from_state, d.actor, d.at
            from instance_event d join instance i on i.id = d.instance_id
           where d.type = 'approve' and d.to_state = 'approved' and i.flow_key = 'discount_approval'
             and d.actor <> i.started_by ${range}
           order by d.at desc, d.id desc limit ${limit}`;
}
