import { Module } from '@nestjs/common';
import { InstanceFieldsResolver } from './instance-fields.resolver';
import { InstanceMigrationResolver } from './instance-migration.resolver';
import { InstancesResolver } from './instances.resolver';

/** `instance`, `instances`, `startInstance`, `sendEvent`, `migrateInstance` and the edges of `Instance`. */
@Module({ providers: [InstancesResolver, InstanceFieldsResolver, InstanceMigrationResolver] })
export class InstancesModule {}
