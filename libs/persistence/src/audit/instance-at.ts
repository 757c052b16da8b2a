import type { FlowIR, Json } from '@signet/dsl';
import { MIGRATED_EVENT, replayEvent, start } from '@signet/engine';
import type { EngineEvent, MigrationStep, StepResult } from '@signet/engine';
import { loadCalendar } from '../calendar/calendar-store';
import { loadDirectory } from '../directory/load-directory';
import { ProcessError } from '../errors/process-error';
import { isUuid } from '../ids';
import { readEm } from '../store/store-deps';
import type { StoreDeps } from '../store/store-deps';
import { engineContext } from '../store/engine-context';
import { openTasksAt } from './open-tasks-at';
import type { TaskAt } from './open-tasks-at';

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

interface EventRow {
  seq: number;
  type: string;
  actor: string | null;
  at: Date;
  to_state: string;
  definition_hash: string;
  payload: { [key: string]: Json };
}

/**
 * Rebuilds instance `id` as of `at`: the events up to `at` are replayed through the engine with the
 * instance's pinned definition (task and timer ids fed back from the rows the steps wrote), and every
 * replayed state is checked against the logged `to_state`. The open tasks and their assignees come
 * from the task rows alive at `at`. Null when the instance did not exist yet. The directory is
 * today's: a step whose outcome depended on since-changed org data is reported as inconsistent.
 */
export async function instanceAt(deps: StoreDeps, id: string, at: Date): Promise<InstanceAtRecord | null> {
  if (!isUuid(id)) throw ProcessError.notFound('instance', id);
  const em = readEm(deps);
  const [instance] = await em.execute<
    { flow_key: string; flow_version: number; ir: FlowIR; status: string }[]
  >(
    `select i.flow_key, i.flow_version, d.ir, i.status from instance i
       join flow_definition d on d.id = i.definition_id where i.id = ?::uuid`,
    [id],
  );
  if (!instance) throw ProcessError.notFound('instance', id);
  const events = await em.execute<EventRow[]>(
    `select seq, type, actor, at, to_state, definition_hash, payload from instance_event
      where instance_id = ?::uuid and at <= ?::timestamptz order by seq`,
    [id, at.toISOString()],
  );
  if (events.length === 0) return null;
  const ids = await idsByTime(em, id);
  const directory = await loadDirectory(em);
  const { calendar } = await loadCalendar(em, deps.calendar);
  const ctx = (e: EventRow) => {
    const queue = [...(ids.get(new Date(e.at).toISOString()) ?? [])];
    return engineContext(
      new Date(e.at),
      e.actor,
      directory,
      () => queue.shift() ?? `replayed-${e.seq}`,
      calendar,
    );
  };
  // Each event runs under the definition it was logged with: an `instance.migrated` event switches it.
  const irs = await definitionsByHash(em, instance.flow_key);
  const irOf = (e: EventRow) => irs.get(e.definition_hash) ?? instance.ir;
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
  const openTasks = await openTasksAt(em, id, lastEvent.to_state, at);
  const cancelled = instance.status === 'CANCELLED' && lastEvent.type === 'cancel';
  return {
    instanceId: id,
    at,
    flowKey: instance.flow_key,
    // The version the instance ran at `at`: before a migration, the one it was migrated from.
    flowVersion: ir.version,
    seq: lastEvent.seq,
    status: cancelled ? 'CANCELLED' : (last?.status ?? 'ACTIVE'),
    state: lastEvent.to_state,
    context: last?.context ?? null,
    openTasks,
    replayConsistent: note === null,
    replayNote: note,
  };
}

/** Every deployed version of the flow, by definition hash. */
async function definitionsByHash(
  em: ReturnType<typeof readEm>,
  flowKey: string,
): Promise<Map<string, FlowIR>> {
  const rows = await em.execute<{ hash: string; ir: FlowIR }[]>(
    'select hash, ir from flow_definition where key = ?',
    [flowKey],
  );
  return new Map(rows.map((r) => [r.hash, r.ir]));
}

/** The event the engine saw, from what the log kept (`taskId`, `comment`, `payload`). */
function engineEvent(e: EventRow): EngineEvent {
  const event: EngineEvent = { type: e.type };
  if (typeof e.payload.taskId === 'string') event.taskId = e.payload.taskId;
  if (typeof e.payload.comment === 'string') event.comment = e.payload.comment;
  if (e.payload.payload !== undefined) event.payload = e.payload.payload;
  return event;
}

/** Ids of the tasks, then timers, each step created, by the step's time (a step writes them all at `now`). */
async function idsByTime(em: ReturnType<typeof readEm>, id: string): Promise<Map<string, string[]>> {
  const rows = await em.execute<{ id: string; created_at: Date }[]>(
    `select id, created_at from (
       select id, created_at, 0 as k from task where instance_id = ?::uuid
       union all select id, created_at, 1 from timer where instance_id = ?::uuid) x
     order by created_at, k`,
    [id, id],
  );
  const byTime = new Map<string, string[]>();
  for (const row of rows) {
    const key = new Date(row.created_at).toISOString();
    byTime.set(key, [...(byTime.get(key) ?? []), row.id]);
  }
  return byTime;
}
