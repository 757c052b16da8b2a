import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { TaskEntity } from '../entities';
import { isUuid } from '../ids';
import { taskRecord } from '../store/records';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import type { Page, PageRequest, PageSlice, TaskFilter, TaskRecord, TaskStatus, Viewer } from '../store';
import { decodeCursor, encodeCursor, isIsoTime, pageSize, toSlice } from './pagination';
import { SqlWhere } from './sql-where';
import { candidateParams, candidateSql, restrictToVisible } from './visibility';

const LIST = 'tasks';

/**
 * Tasks, newest first. With no filter: the viewer's inbox — open tasks they may decide now (named
 * assignee, candidate role or team, not excluded by four-eyes). With a filter: matching tasks of the
 * instances the viewer may see. `totalCount` is exact: one more statement, a count over every match.
 */
export async function listTasks(
  deps: StoreDeps,
  filter: TaskFilter | null,
  page: PageRequest,
  viewer: Viewer,
): Promise<Page<TaskRecord>> {
  const slice = await pageTasks(deps, filter, page, viewer);
  return { ...slice, totalCount: await countTasks(deps, filter, viewer) };
}

/**
 * One page of `listTasks` without its `totalCount`: a single index-ordered statement whose cost does
 * not grow with the number of matches (the count does), for clients that do not ask for the total.
 */
export async function pageTasks(
  deps: StoreDeps,
  filter: TaskFilter | null,
  page: PageRequest,
  viewer: Viewer,
): Promise<PageSlice<TaskRecord>> {
  const size = pageSize(page);
  const after = decodeCursor(page.after, LIST, [isIsoTime, isUuid]);
  const query = taskQuery(deps, filter, viewer);
  const paged = query.where.copy();
  if (after) paged.and('(t.created_at, t.id) < (?::timestamptz, ?::uuid)', after[0], after[1]);
  const em = readEm(deps);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.* ${query.from} ${paged.sql} order by t.created_at desc, t.id desc limit ?`,
    [...paged.params, size + 1],
  );
  const records = rows.map((row) => taskRecordOfRow(em, row));
  return toSlice(records, size, (r) => encodeCursor(LIST, [r.createdAt.toISOString(), r.id]));
}

/** How many tasks `listTasks` matches across all its pages: its `totalCount`. */
export async function countTasks(
  deps: StoreDeps,
  filter: TaskFilter | null,
  viewer: Viewer,
): Promise<number> {
  const query = taskQuery(deps, filter, viewer);
  const [{ n }] = await readEm(deps).execute<{ n: number }[]>(
    `select count(*)::int as n ${query.from} ${query.where.sql}`,
    query.where.params,
  );
  return n;
}

/**
 * The FROM and WHERE of a task list. The inbox reads only `task` (its condition is on task columns),
 * so the page is one ordered index scan; filters and visibility need the instance row.
 */
function taskQuery(
  deps: StoreDeps,
  filter: TaskFilter | null,
  viewer: Viewer,
): { from: string; where: SqlWhere } {
  if (!filter) {
    return { from: 'from task t', where: new SqlWhere().and(candidateSql('t'), ...candidateParams(viewer)) };
  }
  return {
    from: 'from task t join instance i on i.id = t.instance_id',
    where: restrictToVisible(taskFilter(filter, deps.now()), viewer),
  };
}

/**
 * A `task` row as a record, without hydrating an entity nobody will flush (that took a fifth of a
 * page's time). Timestamps arrive as text and are parsed as the entity mapping would; a driver that
 * hands arrays over as text goes through the entity mapping instead.
 */
function taskRecordOfRow(em: SqlEntityManager, row: Record<string, unknown>): TaskRecord {
  if (!Array.isArray(row.decisions)) return taskRecord(em.map(TaskEntity, row));
  const r = row as unknown as TaskRow;
  const platform = em.getPlatform();
  const date = (v: Date | string): Date => (v instanceof Date ? v : platform.parseDate(v));
  return {
    id: r.id,
    instanceId: r.instance_id,
    name: r.name,
    state: r.state,
    title: r.title,
    decisions: r.decisions,
    assignee: r.assignee,
    candidateRoles: r.candidate_roles,
    candidateTeam: r.candidate_team,
    candidateUsers: r.candidate_users,
    excludedUsers: r.excluded_users,
    status: r.status,
    dueAt: r.due_at === null ? null : date(r.due_at),
    createdAt: date(r.created_at),
    decidedBy: r.decided_by,
    decision: r.decision,
    comment: r.comment,
    decidedAt: r.decided_at === null ? null : date(r.decided_at),
  };
}

interface TaskRow {
  id: string;
  instance_id: string;
  name: string;
  state: string;
  title: string;
  decisions: string[];
  assignee: string | null;
  candidate_roles: string[];
  candidate_team: string | null;
  candidate_users: string[];
  excluded_users: string[];
  status: TaskStatus;
  due_at: Date | string | null;
  created_at: Date | string;
  decided_by: string | null;
  decision: string | null;
  comment: string | null;
  decided_at: Date | string | null;
}

/** One task if it exists and the viewer may see its instance. */
export async function getTask(deps: StoreDeps, id: string, viewer: Viewer): Promise<TaskRecord | null> {
  if (!isUuid(id)) return null;
  const where = restrictToVisible(new SqlWhere().and('t.id = ?', id), viewer);
  const em = readEm(deps);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.* from task t join instance i on i.id = t.instance_id ${where.sql}`,
    where.params,
  );
  return rows.length ? taskRecord(em.map(TaskEntity, rows[0])) : null;
}

/** The tasks of one instance, oldest first (visibility is the caller's: it already showed the instance). */
export async function tasksOfInstance(
  deps: StoreDeps,
  instanceId: string,
  status?: TaskStatus,
): Promise<TaskRecord[]> {
  if (!isUuid(instanceId)) return [];
  // Mapped without entities, as `pageTasks`: `decideTask`'s answer asks for these on every decision.
  const em = readEm(deps);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from task where instance_id = ?::uuid${status ? ' and status = ?' : ''}
     order by created_at asc, id asc`,
    status ? [instanceId, status] : [instanceId],
  );
  return rows.map((row) => taskRecordOfRow(em, row));
}

function taskFilter(filter: TaskFilter, now: Date): SqlWhere {
  const where = new SqlWhere();
  if (filter.status !== undefined) where.and('t.status = ?', filter.status);
  if (filter.assignee !== undefined) where.and('t.assignee = ?', filter.assignee);
  if (filter.role !== undefined) where.and('? = any(t.candidate_roles)', filter.role);
  if (filter.instanceId !== undefined) {
    if (isUuid(filter.instanceId)) where.and('t.instance_id = ?::uuid', filter.instanceId);
    else where.and('false');
  }
  if (filter.flowKey !== undefined) where.and('i.flow_key = ?', filter.flowKey);
  const overdue = `t.status = 'OPEN' and t.due_at < ?::timestamptz`;
  if (filter.overdue === true) where.and(overdue, now.toISOString());
  if (filter.overdue === false) where.and(`not (${overdue} and t.due_at is not null)`, now.toISOString());
  return where;
}
