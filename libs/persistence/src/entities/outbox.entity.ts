import { EntitySchema } from '@mikro-orm/core';
import type { Json } from '@signet/dsl';

/**
 * A side effect leaving the system (a notification, later webhooks), written in the step's
 * transaction. `dedupeKey` is unique: the same effect recorded twice is stored once, and the relay
 * passes the key on so receivers can deduplicate at-least-once delivery.
 */
export class OutboxEntity {
  id!: string;
  dedupeKey!: string;
  kind!: string;
  instanceId!: string | null;
  payload!: Json;
  createdAt!: Date;
  deliveredAt!: Date | null;
  attempts!: number;
  /** When the relay may try again after a failure (null: at once); see migration 0004. */
  nextAttemptAt!: Date | null;
  lastError!: string | null;
  deliveredBy!: string | null;
}

export const OutboxSchema = new EntitySchema<OutboxEntity>({
  class: OutboxEntity,
  tableName: 'outbox',
  properties: {
    id: { type: 'uuid', primary: true },
    dedupeKey: { type: 'text' },
    kind: { type: 'text' },
    instanceId: { type: 'uuid', nullable: true },
    payload: { type: 'json' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    deliveredAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    lastError: { type: 'text', nullable: true },
    deliveredBy: { type: 'text', nullable: true },
  },
});
