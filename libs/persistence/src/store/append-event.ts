import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { escapeLiteral } from 'pg';
import type { SignetDatabase } from '../database/open-database';
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
  await em.execute(INSERT_EVENT, eventValues(chainedEvent(instance, previous, event), instance.id));
}

const INSERT_EVENT = `insert into instance_event (instance_id, seq, type, actor, at, flow_version, definition_hash,
    from_state, to_state, payload, trace, prev_hash, hash)
  values (?::uuid, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`;

function eventValues(e: ReturnType<typeof chainedEvent>, instanceId: string): (string | number | null)[] {
  return [
    instanceId,
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
  ];
}

/** What `insertEventAndCommit` needs of the transaction's connection on PostgreSQL (a `pg` client). */
interface RawConnection {
  query(text: string): Promise<unknown>;
}

/**
 * `insertEvent` as the transaction's **last** write, committing it (ADR 0017). On PostgreSQL the
 * insert, `commit` and a fresh `begin` go in one simple-protocol message on the transaction's own
 * connection, so the global chain's head-row lock the insert takes (migration 0005) is released as
 * soon as the commit is durable, without waiting for this process to read the insert's answer and
 * send COMMIT — on a busy event loop that wait was most of the time the lock was held. The caller's
 * `transactional` then commits the empty transaction the `begin` opened. If the insert fails,
 * PostgreSQL skips the rest of the message and the transaction rolls back as before; if the commit
 * fails, it has already rolled back. Errors come out converted as MikroORM's would be.
 *
 * The caller must have nothing left to write (its unit of work flushed, no idempotency result to
 * record). Values are sent as literals (`pg`'s `escapeLiteral`): the message has no parameters. On
 * the embedded PGlite (one connection, nobody waits on the lock) it is `insertEvent`, committed by
 * the caller as usual.
 */
export async function insertEventAndCommit(
  db: SignetDatabase,
  em: SqlEntityManager,
  instance: EventInstance,
  previous: { seq: number; hash: string } | null,
  event: NewEvent,
): Promise<void> {
  const values = eventValues(chainedEvent(instance, previous, event), instance.id);
  // A NUL cannot travel in a simple-protocol message; the parameterised insert reports it as before.
  if (db.kind !== 'postgres' || values.some((v) => typeof v === 'string' && v.includes('\u0000'))) {
    await em.execute(INSERT_EVENT, values);
    return;
  }
  let n = 0;
  const text = INSERT_EVENT.replace(/\?/g, () => literal(values[n++]));
  const trx = em.getTransactionContext<{ client: { acquireConnection(): Promise<RawConnection> } }>();
  if (!trx) throw new Error('insertEventAndCommit needs a transaction: call it inside `mutate`');
  const connection = await trx.client.acquireConnection();
  try {
    await connection.query(`${text}; commit; begin`);
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}

function literal(value: string | number | null): string {
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : escapeLiteral(value);
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
