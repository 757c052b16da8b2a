import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { Json } from '@signet/dsl';
import type { InstanceStatus } from '../store';
import { FlowDefinitionEntity } from './flow-definition.entity';

/**
 * A running (or finished) flow instance, pinned to the definition it started on. `version` is the
 * optimistic lock: every step updates the row `WHERE version = <loaded>` and bumps it by one, so it
 * always equals the `seq` of the instance's latest event.
 */
export class InstanceEntity {
  /** Set by the database (1) on insert and bumped by every flush. */
  [OptionalProps]?: 'version';
  id!: string;
  definition!: FlowDefinitionEntity;
  flowKey!: string;
  flowVersion!: number;
  businessKey!: string | null;
  status!: InstanceStatus;
  state!: string;
  context!: Json;
  snapshot!: Json;
  version!: number;
  startedBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export const InstanceSchema = new EntitySchema<InstanceEntity>({
  class: InstanceEntity,
  tableName: 'instance',
  properties: {
    id: { type: 'uuid', primary: true },
    definition: { kind: 'm:1', entity: () => FlowDefinitionEntity },
    flowKey: { type: 'text' },
    flowVersion: { type: 'integer' },
    businessKey: { type: 'text', nullable: true },
    status: { type: 'text' },
    state: { type: 'text' },
    context: { type: 'json' },
    snapshot: { type: 'json' },
    version: { type: 'integer', version: true },
    startedBy: { type: 'text' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
