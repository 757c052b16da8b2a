import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { SqlWhere } from '../queries/sql-where';

/** Which events to export; every field optional (combined with AND). */
export interface ExportFilter {
  flowKey?: string;
  from?: Date;
  to?: Date;
}

/** One exported event: flat fields for spreadsheets, plus payload and trace for SIEM tools. */
export interface ExportedEvent {
  id: string;
  instanceId: string;
  flowKey: string;
  flowVersion: number;
  seq: number;
  type: string;
  actor: string | null;
  at: string;
  fromState: string | null;
  toState: string;
  payload: unknown;
  trace: unknown;
  hash: string;
}

export const EXPORT_BATCH = 1000;

/**
 * The matching events oldest first, fetched `batch` at a time by keyset on the event id, so an
 * export of any size holds one batch in memory.
 */
export async function* exportEvents(
  em: SqlEntityManager,
  filter: ExportFilter,
  batch = EXPORT_BATCH,
): AsyncGenerator<ExportedEvent[]> {
  let after = '0';
  for (;;) {
    const where = new SqlWhere().and('e.id > ?::bigint', after);
    if (filter.flowKey !== undefined) where.and('i.flow_key = ?', filter.flowKey);
    if (filter.from) where.and('e.at >= ?::timestamptz', filter.from.toISOString());
    if (filter.to) where.and('e.at < ?::timestamptz', filter.to.toISOString());
    const rows = await em.execute<Record<string, unknown>[]>(
      `select e.id::text as id, e.instance_id, i.flow_key, e.flow_version, e.seq, e.type, e.actor, e.at,
              e.from_state, e.to_state, e.payload, e.trace, e.hash
         from instance_event e join instance i on i.id = e.instance_id
         ${where.sql} order by e.id limit ?`,
      [...where.params, batch],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id as string,
      instanceId: r.instance_id as string,
      flowKey: r.flow_key as string,
      flowVersion: r.flow_version as number,
      seq: r.seq as number,
      type: r.type as string,
      actor: (r.actor as string | null) ?? null,
      at: new Date(r.at as string).toISOString(),
      fromState: (r.from_state as string | null) ?? null,
      toState: r.to_state as string,
      payload: r.payload,
      trace: r.trace,
      hash: r.hash as string,
    }));
    if (rows.length < batch) return;
    after = rows[rows.length - 1].id as string;
  }
}
