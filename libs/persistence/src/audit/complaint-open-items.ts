import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { pageSize } from '../queries/pagination';

/** A complaint still open (its instance active), with the task it waits on and who holds it. */
export interface OpenComplaintRow {
  instanceId: string;
  customer: string | null;
  category: string | null;
  severity: string | null;
  channel: string | null;
  recordedAt: Date;
  recordedBy: string;
  /** Where it stands: `triage`, `reply`, `written_report` or `follow_up`. */
  state: string;
  /** Seconds from recording to `now`. */
  ageSeconds: number;
  /** The open task (the newest, if ever more than one); null if the instance waits on none. */
  task: OpenComplaintTaskRow | null;
}

export interface OpenComplaintTaskRow {
  taskId: string;
  name: string;
  /** The owner it is assigned to, if one (a reply escalated to the owner's superior names them). */
  assignee: string | null;
  /** Users who may act on it (a crisis reply: the department manager and the director). */
  candidateUsers: string[];
  candidateRoles: string[];
  /** 0: the first owner; 1: one escalation up (the supervisor), … */
  escalationLevel: number;
  dueAt: Date | null;
  /** Its due time has passed at `now`. */
  overdue: boolean;
}

interface Row {
  id: string;
  customer: string | null;
  category: string | null;
  severity: string | null;
  channel: string | null;
  recorded_at: Date;
  recorded_by: string;
  state: string;
  task_id: string | null;
  task_name: string | null;
  assignee: string | null;
  candidate_users: string[] | null;
  candidate_roles: string[] | null;
  escalation_level: number | null;
  due_at: Date | null;
}

/**
 * The open complaints recorded in the months of `from` up to and including the month of `to` (the
 * months of `complaintReport`; either open-ended), oldest first, at most `first` (default 50, ≤ 500):
 * `instance_flow_created_idx (flow_key, created_at)` walks the range in order and stops after the
 * page, so the cost grows with the page, not the month. Ages and `overdue` are as of `now`.
 */
export async function openComplaints(
  em: SqlEntityManager,
  range: { from?: Date; to?: Date; first?: number },
  now: Date,
): Promise<OpenComplaintRow[]> {
  const limit = pageSize({ first: range.first });
  const monthStart = (plus: string) =>
    `(date_trunc('month', ?::timestamptz at time zone 'UTC')${plus}) at time zone 'UTC'`;
  const rows = await em.execute<Row[]>(
    `select i.id, i.context -> 'input' ->> 'customer' as customer,
            i.context -> 'input' ->> 'category' as category, i.context -> 'input' ->> 'severity' as severity,
            i.context -> 'input' ->> 'channel' as channel, i.created_at as recorded_at,
            i.started_by as recorded_by, i.state, t.id as task_id, t.name as task_name, t.assignee,
            t.candidate_users, t.candidate_roles, t.escalation_level, t.due_at
       from instance i
       left join lateral (
         select * from task t where t.instance_id = i.id and t.status = 'OPEN'
          order by t.created_at desc, t.id desc limit 1) t on true
      where i.flow_key = 'complaint' and i.status = 'ACTIVE'
        ${range.from ? `and i.created_at >= ${monthStart('')}` : ''}
        ${range.to ? `and i.created_at < ${monthStart(" + interval '1 month'")}` : ''}
      order by i.created_at, i.id
      limit ${limit}`,
    [...(range.from ? [range.from.toISOString()] : []), ...(range.to ? [range.to.toISOString()] : [])],
  );
  return rows.map((r) => openComplaint(r, now));
}

function openComplaint(r: Row, now: Date): OpenComplaintRow {
  const recordedAt = new Date(r.recorded_at);
  const dueAt = r.due_at ? new Date(r.due_at) : null;
  return {
    instanceId: r.id,
    customer: r.customer,
    category: r.category,
    severity: r.severity,
    channel: r.channel,
    recordedAt,
    recordedBy: r.recorded_by,
    state: r.state,
    ageSeconds: Math.max(0, (now.getTime() - recordedAt.getTime()) / 1000),
    task: r.task_id
      ? {
          taskId: r.task_id,
          name: r.task_name!,
          assignee: r.assignee,
          candidateUsers: r.candidate_users ?? [],
          candidateRoles: r.candidate_roles ?? [],
          escalationLevel: Number(r.escalation_level ?? 0),
          dueAt,
          overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
        }
      : null,
  };
}
