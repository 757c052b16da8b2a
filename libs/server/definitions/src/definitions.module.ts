import { Module } from '@nestjs/common';
import { FlowFieldsResolver } from './flow-fields.resolver';
import { FlowsResolver } from './flows.resolver';

/** `flows`, `flow`, `checkFlow`, `deployFlow` and the derived fields of `Flow`. */
@Module({ providers: [FlowsResolver, FlowFieldsResolver] })
export class DefinitionsModule {}
