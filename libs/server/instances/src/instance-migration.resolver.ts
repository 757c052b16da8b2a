import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { InstanceRecord, SignetStore } from '@signet/persistence';
import { ApiException, CurrentUser, Instance, SIGNET_STORE } from '@signet/server-common';
import { mayMigrateInstances } from './may-migrate-instances';

/** Moving a running instance to a newer version of its flow (docs/adr/0010-instance-migration.md). */
@Resolver(() => Instance)
export class InstanceMigrationResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Mutation(() => Instance, {
    description:
      'Moves an active instance to version toVersion of its flow (flow_admin only), as the target declares ' +
      'with `migrate from v<current>`; BAD_USER_INPUT with the reason when the migration is refused, ' +
      'CONFLICT when expectedVersion is stale.',
  })
  migrateInstance(
    @CurrentUser() user: DirectoryUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('toVersion', { type: () => Int }) toVersion: number,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number | null,
  ): Promise<InstanceRecord> {
    if (!mayMigrateInstances(user)) {
      throw ApiException.forbidden(
        `${user.username} may not migrate instances: that needs the role flow_admin.`,
      );
    }
    return this.store.migrateInstance({ instanceId: id, toVersion, expectedVersion, actor: user.username });
  }
}
