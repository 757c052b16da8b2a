import type { QueryResult } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
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
 * is new (go ahead), or the instance id of the first call when this is a retry (return that result,
 * write nothing). A concurrent first call holding the key is waited for by the insert itself; if it
 * rolls back, this call proceeds as the first.
 */
export async function claimIdempotencyKey(
  em: SqlEntityManager,
  claim: IdempotencyClaim,
): Promise<string | null> {
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
  return first.instanceId;
}

/** The instance a retried request created or changed the first time, as it is now. */
export async function existingInstance(em: SqlEntityManager, id: string): Promise<InstanceRecord> {
  return instanceRecord(await em.findOneOrFail(InstanceEntity, { id }));
}
