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
  return em.create(InstanceEventEntity, chainedEvent(instance, previous, event));
}

/**
 * Inserts the instance's next event at once, in one statement outside the unit of work (which the
 * caller has flushed): the step's last write before COMMIT, so the global chain's lock its trigger
 * takes is held as briefly as possible, and without a second flush comparing every loaded entity.
 */
export async function insertEvent(
  em: SqlEntityManager,
  instance: InstanceEntity,
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
  instance: InstanceEntity,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
) {
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
  return {
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

/**
 * The chain tip of an instance and the reference-data stamp (see `referenceData`) in one round trip:
 * a step needs both before it runs.
 */
export async function chainTipAndReferenceVersion(
  em: SqlEntityManager,
  instanceId: string,
): Promise<{ tip: { seq: number; hash: string } | null; referenceVersion: string }> {
  const [row] = await em.execute<{ version: string; seq: number | null; hash: string | null }[]>(
    `select v.version::text as version, e.seq, e.hash from reference_data_version v
     left join lateral (select seq, hash from instance_event where instance_id = ?::uuid
                        order by seq desc limit 1) e on true`,
    [instanceId],
  );
  const tip = row.seq === null || row.hash === null ? null : { seq: Number(row.seq), hash: row.hash };
  return { tip, referenceVersion: row.version };
}
