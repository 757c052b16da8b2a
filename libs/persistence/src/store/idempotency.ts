import type { QueryResult } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { IdempotencyKeyEntity, InstanceEntity } from '../entities';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord } from '../store';
import { instanceRecord } from './records';

export interface IdempotencyClaim {
  actor: string;
  key: string;
  operation: 'startInstance' | 'sendEvent' | 'decideTask';
  /** The instance this operation acts on (for a start: the id the new instance will get). */
  instanceId: string;
  now: Date;
}

/**
 * Claims (actor, key) inside the mutation's transaction, before it acts. Returns null when the claim
 * is new (go ahead, then `rememberResult`), or the first call's result when this is a retry (return
 * it, write nothing). A concurrent first call holding the key is waited for by the insert itself; if
 * it rolls back, this call proceeds as the first.
 */
export async function claimIdempotencyKey(
  em: SqlEntityManager,
  claim: IdempotencyClaim,
): Promise<InstanceRecord | null> {
  const inserted = await em
    .createQueryBuilder(IdempotencyKeyEntity)
    .insert({
      actor: claim.actor,
      key: claim.key,
      operation: claim.operation,
      instanceId: claim.instanceId,
      createdAt: claim.now,
    })
    .onConflict(['actor', 'key'])
    .ignore()
    .execute<QueryResult<IdempotencyKeyEntity>>('run');
  if (inserted.affectedRows > 0) return null;
  const first = await em.findOneOrFail(IdempotencyKeyEntity, { actor: claim.actor, key: claim.key });
  if (first.operation !== claim.operation) {
    throw ProcessError.idempotencyKeyReused(claim.key, first.operation, claim.operation);
  }
  if (first.response !== null) return reviveRecord(first.response);
  // Keys claimed before results were kept: the instance as it is now is the best answer left.
  return instanceRecord(await em.findOneOrFail(InstanceEntity, { id: first.instanceId }));
}

/** Keeps the first call's result with its key, in the same transaction, for retries to return. */
export async function rememberResult(
  em: SqlEntityManager,
  claim: Pick<IdempotencyClaim, 'actor' | 'key'>,
  result: InstanceRecord,
): Promise<void> {
  await em.nativeUpdate(
    IdempotencyKeyEntity,
    { actor: claim.actor, key: claim.key },
    { response: JSON.parse(JSON.stringify(result)) as Json },
  );
}

function reviveRecord(json: Json): InstanceRecord {
  const r = json as unknown as InstanceRecord & { createdAt: string; updatedAt: string };
  return { ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) };
}
