import { EntitySchema } from '@mikro-orm/core';

/** A mutation already performed for (actor, key): a retry returns that instance instead of acting again. */
export class IdempotencyKeyEntity {
  actor!: string;
  key!: string;
  operation!: string;
  instanceId!: string;
  createdAt!: Date;
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
  },
});
