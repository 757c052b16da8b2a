import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { step } from '@signet/engine';
import type { EngineEvent } from '@signet/engine';
import { loadCalendar } from '../calendar/calendar-store';
import { loadDirectory } from '../directory/load-directory';
import { InstanceEntity } from '../entities';
import { processErrorFromEngine } from '../errors/engine-error';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord } from '../store';
import { appendEvent, chainTip } from './append-event';
import { applyEffects, writeOutbox } from './apply-effects';
import { recordVote } from './record-vote';
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
 * chain tip, directory) → `engine.step` → update the row `WHERE version = <loaded>` (MikroORM's
 * optimistic lock), append the chained event, apply the effects. A concurrent writer makes the flush
 * fail (version or `unique(instance_id, seq)`), which `mutate` reports as CONFLICT.
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
  const tip = await chainTip(em, instance.id);
  const directory = await loadDirectory(em);
  const calendar = await loadCalendar(em, deps.calendar);
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
  appendEvent(em, instance, tip, {
    type: advance.event.type,
    actor: advance.actor,
    at: now,
    fromState,
    toState: result.state,
    payload: eventPayload(advance.event),
    trace: { ...(result.trace as unknown as { [key: string]: Json }), ...advance.traceExtra },
  });
  const notifications = await applyEffects(em, instance, result.effects, now, calendar.name);
  await recordVote(em, advance.event, advance.actor, result.effects);
  await em.flush();
  await writeOutbox(em, instance.id, notifications, now, deps.newId);
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
