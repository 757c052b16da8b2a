import { TaskEntity } from '../entities';
import { isUuid } from '../ids';
import { taskRecord } from '../store/records';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import type { Page, PageRequest, TaskFilter, TaskRecord, TaskStatus, Viewer } from '../store';
import { decodeCursor, encodeCursor, isIsoTime, pageSize, toPage } from './pagination';
import { SqlWhere } from './sql-where';
import { candidateParams, candidateSql, restrictToVisible } from './visibility';

const LIST = 'tasks';

/**
 * Tasks, newest first. With no filter: the viewer's inbox — open tasks they may decide now (named
 * assignee, candidate role or team, not excluded by four-eyes). With a filter: matching tasks of the
 * instances the viewer may see.
 */
export async function listTasks(
  deps: StoreDeps,
  filter: TaskFilter | null,
  page: PageRequest,
  viewer: Viewer,
): Promise<Page<TaskRecord>> {
  const size = pageSize(page);
  const after = decodeCursor(page.after, LIST, [isIsoTime, isUuid]);
  const now = deps.now();
  const where = filter
    ? restrictToVisible(taskFilter(filter, now), viewer)
    : new SqlWhere().and(candidateSql('t'), ...candidateParams(viewer));
  const from = 'from task t join instance i on i.id = t.instance_id';
  const em = readEm(deps);
  const [{ n }] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n ${from} ${where.sql}`,
    where.params,
  );
  const paged = where.copy();
  if (after) paged.and('(t.created_at, t.id) < (?::timestamptz, ?::uuid)', after[0], after[1]);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select t.* ${from} ${paged.sql} order by t.created_at desc, t.id desc limit ?`,
    [...paged.params, size + 1],
  );
  const records = rows.map((row) => taskRecord(em.map(TaskEntity, row)));
  return toPage(records, size, n, (r) => encodeCursor(LIST, [r.createdAt.toISOString(), r.id]));
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
  const tasks = await readEm(deps).find(
    TaskEntity,
    { instance: instanceId, ...(status ? { status } : {}) },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return tasks.map(taskRecord);
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
