import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { InstanceEventEntity } from '../entities';
import { isUuid } from '../ids';
import { auditEventRecord } from '../store/records';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import type { AuditEventRecord, AuditFilter, Page, PageRequest, PageSlice, Viewer } from '../store';
import { decodeCursor, encodeCursor, isDigits, pageSize, toSlice } from './pagination';
import { SqlWhere } from './sql-where';
import { isAuditor, restrictToVisible } from './visibility';

const LIST = 'audit';

/**
 * Events matching `filter` on instances the viewer may see, in log order (the global event id):
 * newest first, or oldest first with `ascending`. Read from the same tables the steps write, so
 * never stale. The page and its `totalCount`; see `pageAuditEvents` and `countAuditEvents`.
 */
export async function auditEvents(
  deps: StoreDeps,
  filter: AuditFilter,
  page: PageRequest,
  viewer: Viewer,
): Promise<Page<AuditEventRecord>> {
  // Two statements on two pooled connections at once: neither waits for the other (they were never
  // one snapshot; each is read-committed on its own).
  const [slice, totalCount] = await Promise.all([
    pageAuditEvents(deps, filter, page, viewer),
    countAuditEvents(deps, filter, viewer),
  ]);
  return { ...slice, totalCount };
}

/** Up to this many estimated matches, a narrow filter's page reads its matches first (see below). */
const FEW_MATCHES = 20_000;

/**
 * One page of `auditEvents` without its total, ordered by the event id. Usually one statement that
 * walks the primary key and stops after the page. A filter by actor or time range whose matches sit
 * in the middle of the log would make that walk skip millions of newer (or older) events, so when
 * the planner expects few matches the page reads them through their own index and sorts them.
 */
export async function pageAuditEvents(
  deps: StoreDeps,
  filter: AuditFilter,
  page: PageRequest,
  viewer: Viewer,
): Promise<PageSlice<AuditEventRecord>> {
  const size = pageSize(page);
  const after = decodeCursor(page.after, LIST, [isDigits]);
  const query = eventQuery(filter, viewer);
  const paged = query.where.copy();
  if (after) paged.and(`e.id ${filter.ascending ? '>' : '<'} ?::bigint`, after[0]);
  const em = readEm(deps);
  const direction = filter.ascending ? 'asc' : 'desc';
  const matches = `select e.* ${query.from} ${paged.sql}`;
  const narrow =
    filter.instanceId === undefined && (filter.actor ?? filter.after ?? filter.before) !== undefined;
  const sql =
    narrow && (await estimatedRows(em, matches, paged.params)) <= FEW_MATCHES
      ? `with m as materialized (${matches}) select * from m order by id ${direction} limit ?`
      : `${matches} order by e.id ${direction} limit ?`;
  const rows = await em.execute<EventRow[]>(sql, [...paged.params, size + 1]);
  return toSlice(rows.map(eventOfRow), size, (r) => encodeCursor(LIST, [r.id]));
}

/** The planner's estimate of the rows `sql` returns (one EXPLAIN, no execution). */
async function estimatedRows(em: SqlEntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row] = await em.execute<Record<string, unknown>[]>(`explain (format json) ${sql}`, params);
  const raw = Object.values(row)[0];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return plan[0].Plan['Plan Rows'];
}

/**
 * How many events `auditEvents` matches across all its pages (its `totalCount`). Exact, so its cost
 * grows with the matches; it reads only index columns (`count(*)`, no `e.*`) and joins `instance`
 * only when a flow filter or the viewer's visibility needs it, so each filter is one index-only
 * scan: `instance_event_instance_id_idx`, `…_actor_at_idx`, `…_type_idx`, `…_at_idx`, and for a
 * flow `instance_flow_key_idx` joined to `instance_event_instance_id_idx` (ADR 0013).
 */
export async function countAuditEvents(
  deps: StoreDeps,
  filter: AuditFilter,
  viewer: Viewer,
): Promise<number> {
  const query = eventQuery(filter, viewer);
  const [{ n }] = await readEm(deps).execute<{ n: string | number }[]>(
    `select count(*) as n ${query.from} ${query.where.sql}`,
    query.where.params,
  );
  return Number(n);
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

/** An `instance_event` row as the driver returns it (PostgreSQL and PGlite type some columns apart). */
interface EventRow {
  id: string | number;
  instance_id: string;
  seq: number;
  type: string;
  actor: string | null;
  at: Date | string;
  from_state: string | null;
  to_state: string;
  flow_version: number;
  definition_hash: string;
  payload: Json | string;
  trace: Json | string;
  prev_hash: string | null;
  hash: string;
}

/**
 * The record of a row, read directly: hydrating 50 entities through the ORM costs more than the
 * index-ordered query that found them (~15 ms against ~1 ms at 10 M events).
 */
function eventOfRow(row: EventRow): AuditEventRecord {
  const json = (value: Json | string): Json =>
    typeof value === 'string' ? (JSON.parse(value) as Json) : value;
  return {
    id: String(row.id),
    instanceId: row.instance_id,
    seq: Number(row.seq),
    type: row.type,
    actor: row.actor,
    at: new Date(row.at),
    fromState: row.from_state,
    toState: row.to_state,
    flowVersion: Number(row.flow_version),
    definitionHash: row.definition_hash,
    payload: json(row.payload),
    trace: json(row.trace),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The FROM and WHERE of an event list. An auditor's filters on event columns read `instance_event`
 * alone; a flow filter or a non-auditor's visibility (both on the instance row) join `instance`.
 */
function eventQuery(filter: AuditFilter, viewer: Viewer): { from: string; where: SqlWhere } {
  const where = new SqlWhere();
  if (filter.instanceId !== undefined) {
    if (isUuid(filter.instanceId)) where.and('e.instance_id = ?::uuid', filter.instanceId);
    else where.and('false');
  }
  if (filter.actor !== undefined) where.and('e.actor = ?', filter.actor);
  if (filter.type !== undefined) where.and('e.type = ?', filter.type);
  if (filter.after) where.and('e.at > ?::timestamptz', filter.after.toISOString());
  if (filter.before) where.and('e.at < ?::timestamptz', filter.before.toISOString());
  if (filter.flowKey === undefined && isAuditor(viewer)) return { from: 'from instance_event e', where };
  if (filter.flowKey !== undefined) where.and('i.flow_key = ?', filter.flowKey);
  return {
    from: 'from instance_event e join instance i on i.id = e.instance_id',
    where: restrictToVisible(where, viewer),
  };
}
