import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { step } from '@signet/engine';
import type { EngineEvent } from '@signet/engine';
import { InstanceEntity } from '../entities';
import { processErrorFromEngine } from '../errors/engine-error';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord } from '../store';
import { chainTipAndReferenceVersion, insertEvent } from './append-event';
import { applyEffects, writeOutbox } from './apply-effects';
import { recordVote } from './record-vote';
import { referenceData } from './reference-data';
import { engineContext } from './engine-context';
import { instanceRecord } from './records';
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
 * One step of an existing instance inside the caller's transaction: load it (pinned definition,
 * chain tip, directory and calendar — cached while unchanged, see `referenceData`) → `engine.step` →
 * update the row `WHERE version = <loaded>` (MikroORM's optimistic lock), apply the effects, append the
 * chained event. A concurrent writer makes a flush fail (version or `unique(instance_id, seq)`), which
 * `mutate` reports as CONFLICT.
 */
export async function advanceInstance(
  deps: StoreDeps,
  em: SqlEntityManager,
  advance: Advance,
  now: Date,
): Promise<InstanceRecord> {
  const instance = await em.findOne(InstanceEntity, { id: advance.instanceId }, { populate: ['definition'] });
  if (!instance) throw ProcessError.notFound('instance', advance.instanceId);
  const expected = advance.expectedVersion;
  if (expected !== undefined && expected !== null && expected !== instance.version) {
    throw ProcessError.conflictForInstance(instance.id, expected, instance.version);
  }
  const { tip, referenceVersion } = await chainTipAndReferenceVersion(em, instance.id);
  const { directory, calendar } = await referenceData(deps.db, em, referenceVersion, deps.calendar);
  const result = step(
    instance.definition.ir,
    instance.snapshot,
    advance.event,
    engineContext(now, advance.actor, directory, deps.newId, calendar.calendar),
  );
  if (!result.ok) throw processErrorFromEngine(result.error);

  const fromState = instance.state;
  Object.assign(instance, {
    status: result.status,
    state: result.state,
    context: result.context,
    snapshot: result.snapshot,
    updatedAt: now,
  });
  const notifications = await applyEffects(em, instance, result.effects, now, calendar.name);
  await recordVote(em, advance.event, advance.actor, result.effects);
  // The instance (its version check: a conflict fails here, before any lock), the tasks and the
  // outbox first, the event last: its insert takes the global audit chain's one-row lock
  // (migration 0005), held until COMMIT, so every other step in the database waits for as little
  // as possible — one round trip — instead of for the rest of this step's writes.
  await em.flush();
  await writeOutbox(em, instance.id, notifications, now, deps.newId);
  await insertEvent(em, instance, tip, {
    type: advance.event.type,
    actor: advance.actor,
    at: now,
    fromState,
    toState: result.state,
    payload: eventPayload(advance.event),
    trace: { ...(result.trace as unknown as { [key: string]: Json }), ...advance.traceExtra },
  });
  return instanceRecord(instance);
}

/** What the log keeps of an event besides its type: the task it decided, the comment, the payload. */
function eventPayload(event: EngineEvent): Json {
  const payload: { [key: string]: Json } = {};
  if (event.taskId !== undefined) payload.taskId = event.taskId;
  if (event.comment !== undefined) payload.comment = event.comment;
  if (event.payload !== undefined) payload.payload = event.payload;
  return payload;
}
