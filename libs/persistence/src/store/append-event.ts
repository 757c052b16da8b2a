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
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? null;
  const definitionHash = instance.definition.hash;
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
  return em.create(InstanceEventEntity, {
    instance,
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
  });
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
