import { Module } from '@nestjs/common';
import { InstanceFieldsResolver } from './instance-fields.resolver';
import { InstancesResolver } from './instances.resolver';

/** `instance`, `instances`, `startInstance`, `sendEvent` and the edges of `Instance`. */
@Module({ providers: [InstancesResolver, InstanceFieldsResolver] })
export class InstancesModule {}
