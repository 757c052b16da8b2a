import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { SqlWhere } from '../queries/sql-where';
import { camelRow } from './compliance-queries';

export interface SlaBreachRow {
  flowKey: string;
  /** The task (escalation level) whose SLA it is. */
  level: string;
  /** The month (UTC) of the tasks' due time, `YYYY-MM`. */
  month: string;
  tasks: number;
  breaches: number;
  openTasks: number;
  p50CloseSeconds: number | null;
  p90CloseSeconds: number | null;
}

export interface TimeInStateRow {
  flowKey: string;
  state: string;
  /** A candidate role of the task the state opened; '-' for states without a task. */
  role: string;
  stays: number;
  p50Seconds: number;
  p90Seconds: number;
  p95Seconds: number;
  maxSeconds: number;
}

/** SLA breaches per flow, level and month; `from`/`to` bound the due time, `flowKey` the flow. */
export async function slaBreaches(
  em: SqlEntityManager,
  filter: { flowKey?: string; from?: Date; to?: Date },
): Promise<SlaBreachRow[]> {
  const where = new SqlWhere();
  if (filter.flowKey !== undefined) where.and('flow_key = ?', filter.flowKey);
  // Whole months, as bounds on due_at itself so the task_due_idx range serves them.
  const monthStart = (t: Date, plus: string) =>
    `(date_trunc('month', '${t.toISOString()}'::timestamptz at time zone 'UTC')${plus}) at time zone 'UTC'`;
  if (filter.from) where.and(`due_at >= ${monthStart(filter.from, '')}`);
  if (filter.to) where.and(`due_at < ${monthStart(filter.to, " + interval '1 month'")}`);
  // The aggregation of the view audit_sla_breach_monthly (as migration 0009 left it: both
  // percentiles from one sort, the month formatted after grouping), over audit_task_sla with the
  // range applied first (a filter on the view's computed month could not use the index).
  const rows = await em.execute<Record<string, unknown>[]>(
    `select flow_key, level, to_char(month, 'YYYY-MM') as month, tasks, breaches, open_tasks,
            p[1] as p50_close_seconds, p[2] as p90_close_seconds
       from (select flow_key, level, date_trunc('month', due_at at time zone 'UTC') as month,
                    count(*)::int as tasks,
                    (count(*) filter (where breached))::int as breaches,
                    (count(*) filter (where closed_at is null))::int as open_tasks,
                    percentile_cont(array[0.5, 0.9]) within group
                      (order by extract(epoch from closed_at - created_at)) as p
               from audit_task_sla ${where.sql} group by 1, 2, 3) s
      order by s.month desc, flow_key, level`,
    where.params,
  );
  return rows.map((r) => {
    const row = camelRow(r);
    return {
      ...row,
      p50CloseSeconds: numberOrNull(row.p50CloseSeconds),
      p90CloseSeconds: numberOrNull(row.p90CloseSeconds),
    } as SlaBreachRow;
  });
}

/** Time-in-state percentiles of completed stays, per flow, state and role. */
export async function timeInState(em: SqlEntityManager, flowKey?: string): Promise<TimeInStateRow[]> {
  const where = new SqlWhere();
  if (flowKey !== undefined) where.and('flow_key = ?', flowKey);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from audit_time_in_state ${where.sql} order by flow_key, state, role`,
    where.params,
  );
  return rows.map((r) => {
    const row = camelRow(r);
    return {
      ...row,
      p50Seconds: Number(row.p50Seconds),
      p90Seconds: Number(row.p90Seconds),
      p95Seconds: Number(row.p95Seconds),
      maxSeconds: Number(row.maxSeconds),
    } as TimeInStateRow;
  });
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
