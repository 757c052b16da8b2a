import { EntitySchema } from '@mikro-orm/core';
import type { FlowIR } from '@signet/dsl';

/** A deployed flow version: the source as written and its compiled, hashed IR. Never updated. */
export class FlowDefinitionEntity {
  id!: string;
  key!: string;
  version!: number;
  title!: string;
  source!: string;
  ir!: FlowIR;
  hash!: string;
  deployedAt!: Date;
  deployedBy!: string | null;
}

export const FlowDefinitionSchema = new EntitySchema<FlowDefinitionEntity>({
  class: FlowDefinitionEntity,
  tableName: 'flow_definition',
  properties: {
    id: { type: 'uuid', primary: true },
    key: { type: 'text' },
    version: { type: 'integer' },
    title: { type: 'text' },
    source: { type: 'text' },
    ir: { type: 'json' },
    hash: { type: 'text' },
    deployedAt: { type: 'datetime', columnType: 'timestamptz' },
    deployedBy: { type: 'text', nullable: true },
  },
});
