import { Module } from '@nestjs/common';
import { CommissionResolver } from './commission.resolver';
import { FlowFieldsResolver } from './flow-fields.resolver';
import { FlowsResolver } from './flows.resolver';

/** `flows`, `flow`, `checkFlow`, `deployFlow`, the derived fields of `Flow`, and `commission`. */
@Module({ providers: [FlowsResolver, FlowFieldsResolver, CommissionResolver] })
export class DefinitionsModule {}
