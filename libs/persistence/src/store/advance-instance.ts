import { OptimisticLockError } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { FlowIR, Json } from '@signet/dsl';
import { step } from '@signet/engine';
import type { EngineEvent } from '@signet/engine';
import type { SignetDatabase } from '../database/open-database';
import { processErrorFromEngine } from '../errors/engine-error';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord, InstanceStatus, TaskStatus } from '../store';
import { insertEvent, insertEventAndCommit, type NewEvent } from './append-event';
import { applyStepEffects, writeOutbox, writeStep } from './apply-effects';
import { recordVote } from './record-vote';
import { referenceData } from './reference-data';
import { engineContext } from './engine-context';
import type { StoreDeps } from './store-deps';

export interface Advance {
  instanceId: string;
  event: EngineEvent;
  actor: string | null;
  /** The client's view of the instance version; a different current version → CONFLICT. */
  expectedVersion?: number | null;
  /** Extra entries for the event's trace (the timer worker adds `timer`: due, fired, lateness). */
  traceExtra?: { [key: string]: Json };
}

/**
 * What a step reads before it runs, in one statement: the instance row, its pinned definition's hash
 * (the IR itself comes from `definitionIr`'s cache), the chain tip and the reference-data stamp.
 */
export interface StepInstance {
  record: InstanceRecord;
  snapshot: Json;
  definitionHash: string;
  ir: FlowIR;
  tip: { seq: number; hash: string } | null;
  referenceVersion: string;
}

/** The decided task's own columns, read with its instance (`loadTaskForStep`). */
export interface StepTask {
  id: string;
  status: TaskStatus;
  decidedBy: string | null;
  decision: string | null;
}

const STEP_COLUMNS = `i.id, i.definition_id, i.flow_key, i.flow_version, i.business_key, i.status, i.state,
  i.context, i.snapshot, i.version, i.started_by, i.created_at, i.updated_at, d.hash as definition_hash,
  v.version::text as reference_version, e.seq as tip_seq, e.hash as tip_hash`;
const STEP_JOINS = `join flow_definition d on d.id = i.definition_id
  cross join reference_data_version v
  left join lateral (select seq, hash from instance_event where instance_id = i.id
                     order by seq desc limit 1) e on true`;

interface StepRow {
  id: string;
  definition_id: string;
  flow_key: string;
  flow_version: number;
  business_key: string | null;
  status: InstanceStatus;
  state: string;
  context: Json;
  snapshot: Json;
  version: number;
  started_by: string;
  created_at: Date | string;
  updated_at: Date | string;
  definition_hash: string;
  reference_version: string;
  tip_seq: number | string | null;
  tip_hash: string | null;
}

/** The instance a step advances (see `StepInstance`), or null if there is none with this id. */
export async function loadForStep(
  deps: StoreDeps,
  em: SqlEntityManager,
  instanceId: string,
): Promise<StepInstance | null> {
  const [row] = await em.execute<StepRow[]>(
    `select ${STEP_COLUMNS} from instance i ${STEP_JOINS} where i.id = ?::uuid`,
    [instanceId],
  );
  return row ? stepInstance(deps.db, em, row) : null;
}

/**
 * A task with the instance a decision on it advances, in one statement, or null if there is no such
 * task. Read before any idempotency claim; a caller that claims one reloads with `loadForStep`.
 */
export async function loadTaskForStep(
  deps: StoreDeps,
  em: SqlEntityManager,
  taskId: string,
): Promise<{ task: StepTask; instance: StepInstance } | null> {
  const [row] = await em.execute<
    (StepRow & { task_status: TaskStatus; task_decided_by: string | null; task_decision: string | null })[]
  >(
    `select t.status as task_status, t.decided_by as task_decided_by, t.decision as task_decision,
       ${STEP_COLUMNS}
     from task t join instance i on i.id = t.instance_id ${STEP_JOINS} where t.id = ?::uuid`,
    [taskId],
  );
  if (!row) return null;
  return {
    task: {
      id: taskId,
      status: row.task_status,
      decidedBy: row.task_decided_by,
      decision: row.task_decision,
    },
    instance: await stepInstance(deps.db, em, row),
  };
}

async function stepInstance(db: SignetDatabase, em: SqlEntityManager, row: StepRow): Promise<StepInstance> {
  return {
    record: {
      id: row.id,
      definitionId: row.definition_id,
      flowKey: row.flow_key,
      flowVersion: Number(row.flow_version),
      businessKey: row.business_key,
      status: row.status,
      state: row.state,
      context: row.context,
      version: Number(row.version),
      startedBy: row.started_by,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    },
    snapshot: row.snapshot,
    definitionHash: row.definition_hash,
    ir: await definitionIr(db, em, row.definition_id),
    tip:
      row.tip_seq === null || row.tip_hash === null ? null : { seq: Number(row.tip_seq), hash: row.tip_hash },
    referenceVersion: row.reference_version,
  };
}

/**
 * Definitions are immutable once deployed (nothing updates `flow_definition`), so their IR is read
 * once per database and definition id, not hydrated into an entity by every step.
 */
const irCache = new WeakMap<SignetDatabase, Map<string, FlowIR>>();

async function definitionIr(db: SignetDatabase, em: SqlEntityManager, definitionId: string): Promise<FlowIR> {
  let byId = irCache.get(db);
  if (!byId) {
    byId = new Map();
    irCache.set(db, byId);
  }
  const cached = byId.get(definitionId);
  if (cached) return cached;
  const [row] = await em.execute<{ ir: FlowIR }[]>('select ir from flow_definition where id = ?::uuid', [
    definitionId,
  ]);
  byId.set(definitionId, row.ir);
  return row.ir;
}

/**
 * One step of an existing instance inside the caller's transaction: load it (`loadForStep`, unless
 * the caller already did; directory and calendar cached while unchanged, see `referenceData`) →
 * `engine.step` → one statement updating the row `WHERE version = <loaded>` (0 rows: another writer
 * won → CONFLICT) together with the task closes and opens and the timers → outbox → the chained event,
 * last. A lost race on `unique(instance_id, seq)` is reported as CONFLICT by `mutate`.
 *
 * `commit: true` when the step is the transaction's last write (no idempotency result to record
 * after it): the event's insert then commits the transaction in the same round trip
 * (`insertEventAndCommit`, ADR 0017).
 */
export async function advanceInstance(
  deps: StoreDeps,
  em: SqlEntityManager,
  advance: Advance,
  now: Date,
  loaded?: StepInstance,
  options: { commit?: boolean } = {},
): Promise<InstanceRecord> {
  const instance = loaded ?? (await loadForStep(deps, em, advance.instanceId));
  if (!instance) throw ProcessError.notFound('instance', advance.instanceId);
  const current = instance.record;
  const expected = advance.expectedVersion;
  if (expected !== undefined && expected !== null && expected !== current.version) {
    throw ProcessError.conflictForInstance(current.id, expected, current.version);
  }
  const { directory, calendar } = await referenceData(deps.db, em, instance.referenceVersion, deps.calendar);
  const result = step(
    instance.ir,
    instance.snapshot,
    advance.event,
    engineContext(now, advance.actor, directory, deps.newId, calendar.calendar),
  );
  if (!result.ok) throw processErrorFromEngine(result.error);

  const next: InstanceRecord = {
    ...current,
    status: result.status,
    state: result.state,
    context: result.context,
    version: current.version + 1,
    updatedAt: now,
  };
  const { notifications, writes } = await applyStepEffects(
    em,
    current.id,
    result.effects,
    now,
    calendar.name,
  );
  await recordVote(em, advance.event, advance.actor, result.effects);
  // The instance (its version check: a conflict fails here, before any lock), the tasks and timers
  // in one statement, then what the unit of work holds (votes, re-assignments, cancelled timers) and
  // the outbox, the event last: its insert takes the global audit chain's one-row lock (migration
  // 0005), held until COMMIT, so every other step in the database waits for one round trip only.
  const updated = await writeStep(
    em,
    { id: current.id, version: current.version, status: next.status, state: next.state },
    { context: result.context, snapshot: result.snapshot, now },
    writes,
  );
  if (!updated) throw OptimisticLockError.lockFailed('instance');
  await em.flush();
  await writeOutbox(em, current.id, notifications, now, deps.newId);
  const eventInstance = {
    id: current.id,
    flowVersion: current.flowVersion,
    definitionHash: instance.definitionHash,
  };
  await (options.commit
    ? insertEventAndCommit(deps.db, em, eventInstance, instance.tip, eventOf(advance, current, result, now))
    : insertEvent(em, eventInstance, instance.tip, eventOf(advance, current, result, now)));
  return next;
}

/** The event row's own fields for a step. */
function eventOf(
  advance: Advance,
  current: InstanceRecord,
  result: { state: string; trace: unknown },
  now: Date,
): NewEvent {
  return {
    type: advance.event.type,
    actor: advance.actor,
    at: now,
    fromState: current.state,
    toState: result.state,
    payload: eventPayload(advance.event),
    trace: { ...(result.trace as { [key: string]: Json }), ...advance.traceExtra },
  };
}

/** What the log keeps of an event besides its type: the task it decided, the comment, the payload. */
function eventPayload(event: EngineEvent): Json {
  const payload: { [key: string]: Json } = {};
  if (event.taskId !== undefined) payload.taskId = event.taskId;
  if (event.comment !== undefined) payload.comment = event.comment;
  if (event.payload !== undefined) payload.payload = event.payload;
  return payload;
}
