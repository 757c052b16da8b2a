import { InstanceEntity } from '../entities';
import { isUuid } from '../ids';
import { instanceRecord } from '../store/records';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import type { InstanceFilter, InstanceRecord, Page, PageRequest, Viewer } from '../store';
import { decodeCursor, encodeCursor, isIsoTime, pageSize, toPage } from './pagination';
import { SqlWhere } from './sql-where';
import { restrictToVisible } from './visibility';

const LIST = 'instances';

/** Instances matching `filter` that the viewer may see, newest first. */
export async function listInstances(
  deps: StoreDeps,
  filter: InstanceFilter,
  page: PageRequest,
  viewer: Viewer,
): Promise<Page<InstanceRecord>> {
  const size = pageSize(page);
  const after = decodeCursor(page.after, LIST, [isIsoTime, isUuid]);
  const where = restrictToVisible(instanceFilter(filter), viewer);
  const em = readEm(deps);
  const [{ n }] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from instance i ${where.sql}`,
    where.params,
  );
  const paged = where.copy();
  if (after) paged.and('(i.created_at, i.id) < (?::timestamptz, ?::uuid)', after[0], after[1]);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select i.* from instance i ${paged.sql} order by i.created_at desc, i.id desc limit ?`,
    [...paged.params, size + 1],
  );
  const records = rows.map((row) => instanceRecord(em.map(InstanceEntity, row)));
  return toPage(records, size, n, (r) => encodeCursor(LIST, [r.createdAt.toISOString(), r.id]));
}

/** One instance if it exists and the viewer may see it. */
export async function getInstance(
  deps: StoreDeps,
  id: string,
  viewer: Viewer,
): Promise<InstanceRecord | null> {
  if (!isUuid(id)) return null;
  const where = restrictToVisible(new SqlWhere().and('i.id = ?', id), viewer);
  const em = readEm(deps);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select i.* from instance i ${where.sql}`,
    where.params,
  );
  return rows.length ? instanceRecord(em.map(InstanceEntity, rows[0])) : null;
}

function instanceFilter(filter: InstanceFilter): SqlWhere {
  const where = new SqlWhere();
  if (filter.flowKey !== undefined) where.and('i.flow_key = ?', filter.flowKey);
  if (filter.status !== undefined) where.and('i.status = ?', filter.status);
  if (filter.state !== undefined) where.and('i.state = ?', filter.state);
  if (filter.businessKey !== undefined) where.and('i.business_key = ?', filter.businessKey);
  if (filter.startedBy !== undefined) where.and('i.started_by = ?', filter.startedBy);
  if (filter.createdAfter) where.and('i.created_at > ?::timestamptz', filter.createdAfter.toISOString());
  if (filter.createdBefore) where.and('i.created_at < ?::timestamptz', filter.createdBefore.toISOString());
  return where;
}
