import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { InstanceEventEntity } from '../entities';
import type { InstanceEntity } from '../entities';
import { eventHash } from '../events/event-hash';

export interface NewEvent {
  type: string;
  actor: string | null;
  at: Date;
  fromState: string | null;
  toState: string;
  payload: Json;
  trace: Json;
}

/**
 * Adds the instance's next event to the unit of work: `seq` one past the previous event, chained to
 * its hash. `unique(instance_id, seq)` makes a second writer of the same `seq` fail at flush.
 */
export function appendEvent(
  em: SqlEntityManager,
  instance: InstanceEntity,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
): InstanceEventEntity {
  const chained = chainedEvent(
    { id: instance.id, flowVersion: instance.flowVersion, definitionHash: instance.definition.hash },
    previous,
    event,
  );
  return em.create(InstanceEventEntity, { instance, ...chained });
}

/** What an event row takes from its instance: the id, and the flow version and hash it runs on. */
export interface EventInstance {
  id: string;
  flowVersion: number;
  definitionHash: string;
}

/**
 * Inserts the instance's next event at once, in one statement outside the unit of work (which the
 * caller has flushed): the step's last write before COMMIT, so the global chain's lock its trigger
 * takes is held as briefly as possible, and without a second flush comparing every loaded entity.
 */
export async function insertEvent(
  em: SqlEntityManager,
  instance: EventInstance,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
): Promise<void> {
  const e = chainedEvent(instance, previous, event);
  await em.execute(
    `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash,
       from_state, to_state, payload, trace, prev_hash, hash)
     values (?::uuid, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
    [
      instance.id,
      e.seq,
      e.type,
      e.actor,
      e.at.toISOString(),
      e.flowVersion,
      e.definitionHash,
      e.fromState,
      e.toState,
      JSON.stringify(e.payload),
      JSON.stringify(e.trace),
      e.prevHash,
      e.hash,
    ],
  );
}

/** The event's row: `seq` one past the previous event, chained to its hash. */
function chainedEvent(
  instance: EventInstance,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
) {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? null;
  const definitionHash = instance.definitionHash;
  const hash = eventHash(prevHash, {
    instanceId: instance.id,
    seq,
    type: event.type,
    actor: event.actor,
    at: event.at.toISOString(),
    flowVersion: instance.flowVersion,
    definitionHash,
    fromState: event.fromState,
    toState: event.toState,
    payload: event.payload,
    trace: event.trace,
  });
  return {
    seq,
    type: event.type,
    actor: event.actor,
    at: event.at,
    flowVersion: instance.flowVersion,
    definitionHash,
    fromState: event.fromState,
    toState: event.toState,
    payload: event.payload,
    trace: event.trace,
    prevHash,
    hash,
  };
}

/** The latest event of an instance (the chain's tip), or null before its first. */
export async function chainTip(
  em: SqlEntityManager,
  instanceId: string,
): Promise<{ seq: number; hash: string } | null> {
  const tip = await em.findOne(
    InstanceEventEntity,
    { instance: instanceId },
    { orderBy: { seq: 'desc' }, fields: ['seq', 'hash'] },
  );
  return tip ? { seq: tip.seq, hash: tip.hash } : null;
}
