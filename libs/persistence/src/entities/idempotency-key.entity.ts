import { EntitySchema } from '@mikro-orm/core';
import type { Json } from '@signet/dsl';

/** A mutation already performed for (actor, key): a retry returns that instance instead of acting again. */
export class IdempotencyKeyEntity {
  actor!: string;
  key!: string;
  operation!: string;
  instanceId!: string;
  createdAt!: Date;
  /** The first call's result (an InstanceRecord as JSON), returned to retries; null before migration 0007. */
  response!: Json | null;
}

export const IdempotencyKeySchema = new EntitySchema<IdempotencyKeyEntity>({
  class: IdempotencyKeyEntity,
  tableName: 'idempotency_key',
  properties: {
    actor: { type: 'text', primary: true },
    key: { type: 'text', primary: true },
    operation: { type: 'text' },
    instanceId: { type: 'uuid' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    response: { type: 'json', nullable: true },
  },
});
