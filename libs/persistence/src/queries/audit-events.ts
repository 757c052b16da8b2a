import { InstanceEventEntity } from '../entities';
import { isUuid } from '../ids';
import { auditEventRecord } from '../store/records';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import type { AuditEventRecord, AuditFilter, Page, PageRequest, Viewer } from '../store';
import { decodeCursor, encodeCursor, isDigits, pageSize, toPage } from './pagination';
import { SqlWhere } from './sql-where';
import { restrictToVisible } from './visibility';

const LIST = 'audit';

/**
 * Events matching `filter` on instances the viewer may see, in log order (the global event id):
 * newest first, or oldest first with `ascending`. Read from the same tables the steps write, so
 * never stale.
 */
export async function auditEvents(
  deps: StoreDeps,
  filter: AuditFilter,
  page: PageRequest,
  viewer: Viewer,
): Promise<Page<AuditEventRecord>> {
  const size = pageSize(page);
  const after = decodeCursor(page.after, LIST, [isDigits]);
  const where = restrictToVisible(auditFilter(filter), viewer);
  const from = 'from instance_event e join instance i on i.id = e.instance_id';
  const em = readEm(deps);
  const [{ n }] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n ${from} ${where.sql}`,
    where.params,
  );
  const direction = filter.ascending ? 'asc' : 'desc';
  const paged = where.copy();
  if (after) paged.and(`e.id ${filter.ascending ? '>' : '<'} ?::bigint`, after[0]);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select e.* ${from} ${paged.sql} order by e.id ${direction} limit ?`,
    [...paged.params, size + 1],
  );
  const records = rows.map((row) => auditEventRecord(em.map(InstanceEventEntity, row)));
  return toPage(records, size, n, (r) => encodeCursor(LIST, [r.id]));
}

/** Every event of one instance, oldest first (visibility is the caller's). */
export async function history(deps: StoreDeps, instanceId: string): Promise<AuditEventRecord[]> {
  if (!isUuid(instanceId)) return [];
  const events = await readEm(deps).find(
    InstanceEventEntity,
    { instance: instanceId },
    { orderBy: { seq: 'asc' } },
  );
  return events.map(auditEventRecord);
}

function auditFilter(filter: AuditFilter): SqlWhere {
  const where = new SqlWhere();
  if (filter.instanceId !== undefined) {
    if (isUuid(filter.instanceId)) where.and('e.instance_id = ?::uuid', filter.instanceId);
    else where.and('false');
  }
  if (filter.flowKey !== undefined) where.and('i.flow_key = ?', filter.flowKey);
  if (filter.actor !== undefined) where.and('e.actor = ?', filter.actor);
  if (filter.type !== undefined) where.and('e.type = ?', filter.type);
  if (filter.after) where.and('e.at > ?::timestamptz', filter.after.toISOString());
  if (filter.before) where.and('e.at < ?::timestamptz', filter.before.toISOString());
  return where;
}
