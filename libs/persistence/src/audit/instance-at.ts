import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { FlowIR, Json } from '@signet/dsl';
import { MIGRATED_EVENT, replayEvent, start } from '@signet/engine';
import type { EngineEvent, MigrationStep, StepResult } from '@signet/engine';
import { ProcessError } from '../errors/process-error';
import type { SignetDatabase } from '../database/open-database';
import { isUuid } from '../ids';
import { engineContext } from '../store/engine-context';
import { referenceData } from '../store/reference-data';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import { cachedIrs, definitionIrs } from './definition-irs';
import { TASKS_AT_JSON, openTasksAt } from './open-tasks-at';
import type { TaskAt, TaskAtJson } from './open-tasks-at';

/** An instance as it was at a past moment, rebuilt from its event log. */
export interface InstanceAtRecord {
  instanceId: string;
  at: Date;
  flowKey: string;
  flowVersion: number;
  /** The last event at or before `at` (its `seq`): the state is the one that event entered. */
  seq: number;
  status: 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  state: string;
  context: Json;
  openTasks: TaskAt[];
  /** False when replaying through the engine did not reach the logged states (see `replayNote`). */
  replayConsistent: boolean;
  replayNote: string | null;
}

/** An event up to `at`, as `json_build_object` wrote it (`at` a JSON timestamp string). */
interface EventJson {
  seq: number;
  type: string;
  actor: string | null;
  at: string;
  to_state: string;
  definition_hash: string;
  payload: { [key: string]: Json };
}

/** A task or timer row created up to the moment (`at`: its creation time as a JSON string). */
interface CreatedJson {
  id: string;
  at: string;
}

interface InstanceAtRow {
  flow_key: string;
  status: string;
  definition_hash: string;
  /** Null when the caller already keeps this definition's IR (its hash was passed in). */
  ir: FlowIR | null;
  reference_version: string;
  events: EventJson[] | null;
  /** The instance's tasks created up to the moment, by creation time. */
  tasks: TaskAtJson[] | null;
  /** Its timers created up to the moment, by creation time. */
  timers: CreatedJson[] | null;
}

/**
 * Everything a replay reads, in one statement (scalar subqueries, which plan in half the time of
 * lateral joins): the instance with its pinned definition (the IR only if not kept yet), the
 * reference-data stamp, the events up to the moment, and the tasks and timers created by then.
 * Parameters: kept hashes (comma-separated), the moment four times, the id.
 */
const INSTANCE_AT_SQL = `
select i.flow_key, i.status, d.hash as definition_hash,
       case when d.hash = any(string_to_array(?, ',')) then null else d.ir end as ir,
       v.version::text as reference_version,
       (select json_agg(json_build_object('seq', e.seq, 'type', e.type, 'actor', e.actor, 'at', e.at,
                 'to_state', e.to_state, 'definition_hash', e.definition_hash, 'payload', e.payload)
                 order by e.seq)
          from instance_event e where e.instance_id = i.id and e.at <= ?::timestamptz) as events,
       (${TASKS_AT_JSON}) as tasks,
       (select json_agg(json_build_object('id', x.id, 'at', x.created_at) order by x.created_at, x.id)
          from timer x where x.instance_id = i.id and x.created_at <= ?::timestamptz) as timers
  from instance i
  join flow_definition d on d.id = i.definition_id
  cross join reference_data_version v
 where i.id = ?::uuid`;

/**
 * On PostgreSQL the statement is prepared once per connection under this name and its numbered
 * twin's text: planning its four subqueries cost more than running them (≈ 0.25 of 0.38 ms), and
 * after five executions PostgreSQL keeps a generic plan. The name carries a version: a changed
 * text must get a new name (`pg` refuses a name reused with another text).
 */
const PREPARED_NAME = 'signet_instance_at_1';
const PREPARED_TEXT = numbered(INSTANCE_AT_SQL);

/** `sql` with its `?` placeholders numbered `$1`, `$2`, … (the statement has no other `?`). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** What `readInstanceAt` needs of a pooled `pg` connection and the pool (MikroORM's knex client). */
interface PgConnection {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}
interface KnexPool {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/**
 * Runs `INSTANCE_AT_SQL` with `params`: as the named prepared statement on a pooled connection on
 * PostgreSQL, through `em.execute` on the embedded PGlite. Errors come out converted as MikroORM's would be.
 */
async function readInstanceAt(
  db: SignetDatabase,
  em: SqlEntityManager,
  params: string[],
): Promise<InstanceAtRow | undefined> {
  if (db.kind !== 'postgres') return (await em.execute<InstanceAtRow[]>(INSTANCE_AT_SQL, params))[0];
  const pool = em.getConnection().getKnex().client as KnexPool;
  const connection = await pool.acquireConnection();
  try {
    const result = await connection.query<InstanceAtRow>({
      name: PREPARED_NAME,
      text: PREPARED_TEXT,
      values: params,
    });
    return result.rows[0];
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * Rebuilds instance `id` as of `at`: the events up to `at` are replayed through the engine with the
 * instance's pinned definition (task and timer ids fed back from the rows the steps wrote), and every
 * replayed state is checked against the logged `to_state`. The open tasks and their assignees come
 * from the task rows alive at `at`. Null when the instance did not exist yet. The directory is
 * today's (`referenceData`, kept while its stamp is unchanged): a step whose outcome depended on
 * since-changed org data is reported as inconsistent.
 */
export async function instanceAt(deps: StoreDeps, id: string, at: Date): Promise<InstanceAtRecord | null> {
  if (!isUuid(id)) throw ProcessError.notFound('instance', id);
  const em = readEm(deps);
  const moment = at.toISOString();
  const kept = cachedIrs(deps.db);
  const row = await readInstanceAt(deps.db, em, [
    [...kept.keys()].join(','),
    moment,
    moment,
    moment,
    moment,
    id,
  ]);
  if (!row) throw ProcessError.notFound('instance', id);
  const events = row.events ?? [];
  if (events.length === 0) return null;
  if (row.ir) kept.set(row.definition_hash, row.ir);
  const pinned = row.ir ?? kept.get(row.definition_hash)!;
  // Each event runs under the definition it was logged with: an `instance.migrated` event switches it.
  const irs = await definitionIrs(
    deps.db,
    em,
    row.flow_key,
    events.map((e) => e.definition_hash),
  );
  const irOf = (e: EventJson) => irs.get(e.definition_hash) ?? pinned;
  const { directory, calendar } = await referenceData(deps.db, em, row.reference_version, deps.calendar);
  const tasks = row.tasks ?? [];
  const ids = idsByTime([...tasks.map((t) => ({ id: t.id, at: t.created_at })), ...(row.timers ?? [])]);
  const ctx = (e: EventJson) => {
    const now = new Date(e.at);
    const queue = [...(ids.get(now.toISOString()) ?? [])];
    return engineContext(
      now,
      e.actor,
      directory,
      () => queue.shift() ?? `replayed-${e.seq}`,
      calendar.calendar,
    );
  };

  let ir = irOf(events[0]);
  let result: StepResult = start(ir, events[0].payload.input, ctx(events[0]));
  let note: string | null = null;
  let last = result.ok ? result : null;
  for (const [i, event] of events.entries()) {
    if (i > 0 && last) {
      const to = irOf(event);
      const logged: EngineEvent | MigrationStep =
        event.type === MIGRATED_EVENT ? { type: MIGRATED_EVENT, to } : engineEvent(event);
      result = replayEvent(ir, last.snapshot, logged, ctx(event));
      ir = to;
    }
    if (!result.ok || result.state !== event.to_state) {
      note = result.ok
        ? `replay reached ${result.state} at seq ${event.seq}; the log says ${event.to_state}`
        : `replay refused seq ${event.seq}: ${result.error.message}`;
      break;
    }
    last = result;
  }
  const lastEvent = events[events.length - 1];
  const cancelled = row.status === 'CANCELLED' && lastEvent.type === 'cancel';
  return {
    instanceId: id,
    at,
    flowKey: row.flow_key,
    // The version the instance ran at `at`: before a migration, the one it was migrated from.
    flowVersion: ir.version,
    seq: lastEvent.seq,
    status: cancelled ? 'CANCELLED' : (last?.status ?? 'ACTIVE'),
    state: lastEvent.to_state,
    context: last?.context ?? null,
    openTasks: openTasksAt(tasks, lastEvent.to_state),
    replayConsistent: note === null,
    replayNote: note,
  };
}

/** The event the engine saw, from what the log kept (`taskId`, `comment`, `payload`). */
function engineEvent(e: EventJson): EngineEvent {
  const event: EngineEvent = { type: e.type };
  if (typeof e.payload.taskId === 'string') event.taskId = e.payload.taskId;
  if (typeof e.payload.comment === 'string') event.comment = e.payload.comment;
  if (e.payload.payload !== undefined) event.payload = e.payload.payload;
  return event;
}

/**
 * Task and timer ids by creation time (a step writes all of its rows at its `now`): a step's tasks,
 * then its timers, as the engine asks for ids.
 */
function idsByTime(rows: { id: string; at: string }[]): Map<string, string[]> {
  const byTime = new Map<string, string[]>();
  for (const row of rows) {
    const key = new Date(row.at).toISOString();
    const same = byTime.get(key);
    if (same) same.push(row.id);
    else byTime.set(key, [row.id]);
  }
  return byTime;
}
