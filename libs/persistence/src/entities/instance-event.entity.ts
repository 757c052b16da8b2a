import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { Json } from '@signet/dsl';
import { InstanceEntity } from './instance.entity';

/**
 * One accepted event of an instance. Append-only (the database refuses UPDATE, DELETE and TRUNCATE);
 * `hash = sha256(prevHash + canonicalJson(fields))` chains the events of one instance in `seq` order.
 * `id` is a global identity, so it orders the whole log.
 */
export class InstanceEventEntity {
  /** The global identity is assigned by the database. */
  [OptionalProps]?: 'id';
  id!: string;
  instance!: InstanceEntity;
  seq!: number;
  type!: string;
  actor!: string | null;
  at!: Date;
  flowVersion!: number;
  definitionHash!: string;
  fromState!: string | null;
  toState!: string;
  payload!: Json;
  trace!: Json;
  prevHash!: string | null;
  hash!: string;
}

export const InstanceEventSchema = new EntitySchema<InstanceEventEntity>({
  class: InstanceEventEntity,
  tableName: 'instance_event',
  properties: {
    // Kept as a string: ids leave through GraphQL `ID` and cursors, never arithmetic.
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    instance: { kind: 'm:1', entity: () => InstanceEntity },
    seq: { type: 'integer' },
    type: { type: 'text' },
    actor: { type: 'text', nullable: true },
    at: { type: 'datetime', columnType: 'timestamptz' },
    flowVersion: { type: 'integer' },
    definitionHash: { type: 'text' },
    fromState: { type: 'text', nullable: true },
    toState: { type: 'text' },
    payload: { type: 'json' },
    trace: { type: 'json' },
    prevHash: { type: 'text', nullable: true },
    hash: { type: 'text' },
  },
});
