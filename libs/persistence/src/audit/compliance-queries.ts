import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { pageSize } from '../queries/pagination';
import { SqlWhere } from '../queries/sql-where';

/** A time window (`from` inclusive, `to` exclusive) and a page size; every field optional. */
export interface AuditWindow {
  from?: Date;
  to?: Date;
  first?: number;
}

export interface DiscountAboveAuthorityRow {
  eventId: string;
  instanceId: string;
  flowVersion: number;
  requester: string;
  unit: string | null;
  discount: string | null;
  listPrice: string | null;
  /** The requester's authority as the start step's trace recorded it. */
  requesterAuthority: string | null;
  /** The routing outcome: manager, director or vice_president. */
  level: string | null;
  signedInState: string;
  signedBy: string;
  signedAt: Date;
}

export interface RefusalRow {
  id: string;
  at: Date;
  actor: string;
  operation: string;
  instanceId: string | null;
  taskId: string | null;
  message: string;
}

export interface SoftConflictRow {
  eventId: string;
  instanceId: string;
  flowKey: string;
  decision: string;
  taskState: string | null;
  approver: string;
  requester: string;
  at: Date;
  relation: 'same_superior' | 'approver_reports_to_requester';
  sharedSuperior: string | null;
}

export interface UserActivityRow {
  kind: 'event' | 'refusal' | 'deploy';
  ref: string;
  at: Date;
  actor: string;
  instanceId: string | null;
  flowKey: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  code: string | null;
}

/** Newest first, within the window, at most `first` rows: the shape every list question shares. */
export async function listView<T>(
  em: SqlEntityManager,
  view: string,
  timeColumn: string,
  window: AuditWindow,
  where: SqlWhere = new SqlWhere(),
  order = `${timeColumn} desc`,
): Promise<T[]> {
  if (window.from) where.and(`${timeColumn} >= ?::timestamptz`, window.from.toISOString());
  if (window.to) where.and(`${timeColumn} < ?::timestamptz`, window.to.toISOString());
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from ${view} ${where.sql} order by ${order} limit ?`,
    [...where.params, pageSize({ first: window.first })],
  );
  return rows.map(camelRow) as T[];
}

/** A column's field name and whether it holds a time; views have few columns, so this stays small. */
const COLUMNS = new Map<string, { name: string; time: boolean }>();

function columnOf(key: string): { name: string; time: boolean } {
  let column = COLUMNS.get(key);
  if (!column) {
    column = {
      name: key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      time: key === 'at' || key.endsWith('_at'),
    };
    COLUMNS.set(key, column);
  }
  return column;
}

/**
 * `{ signed_by: 'x' }` → `{ signedBy: 'x' }`; bigint ids as strings, `at` / `*_at` columns as Dates.
 * Column names are converted once per process, not once per row: a regex per key and an entries
 * array per row cost ~0.3 ms on a 50-row page, as much as the query behind it.
 */
export function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const value = row[key];
    const column = columnOf(key);
    out[column.name] =
      typeof value === 'bigint'
        ? value.toString()
        : column.time && value !== null && !(value instanceof Date)
          ? new Date(value as string)
          : value;
  }
  return out;
}

export const discountsAboveAuthority = (em: SqlEntityManager, w: AuditWindow) =>
  listView<DiscountAboveAuthorityRow>(
    em,
    'audit_discount_above_authority',
    'signed_at',
    w,
    undefined,
    'signed_at desc, event_id desc',
  ).then((rows) => rows.map((r) => ({ ...r, eventId: String(r.eventId) })));

export const fourEyesRefusals = (em: SqlEntityManager, w: AuditWindow) =>
  listView<RefusalRow>(em, 'audit_four_eyes_refusal', 'at', w, undefined, 'at desc, id desc').then((rows) =>
    rows.map((r) => ({ ...r, id: String(r.id) })),
  );

export const softConflicts = (em: SqlEntityManager, w: AuditWindow) =>
  listView<SoftConflictRow>(em, 'audit_soft_conflict', 'at', w, undefined, 'at desc, event_id desc').then(
    (rows) => rows.map((r) => ({ ...r, eventId: String(r.eventId) })),
  );

export const userActivity = (em: SqlEntityManager, username: string, w: AuditWindow) =>
  listView<UserActivityRow>(em, 'audit_user_activity', 'at', w, new SqlWhere().and('actor = ?', username));
