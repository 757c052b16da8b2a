import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Json } from '@signet/dsl';
import type { DirectoryUser } from '@signet/engine';
import type { InstanceRecord, SignetStore } from '@signet/persistence';
import type { ConnectionShape } from '@signet/server-common';
import {
  ApiException,
  CurrentUser,
  Instance,
  InstanceConnection,
  InstanceFilter,
  SIGNET_STORE,
  pageRequest,
  toConnection,
  viewerOf,
  withoutNulls,
} from '@signet/server-common';
import GraphQLJSON from 'graphql-type-json';

/** Starting instances, sending them events, and reading them (within the caller's visibility). */
@Resolver(() => Instance)
export class InstancesResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Query(() => Instance, {
    nullable: true,
    description: 'NOT_FOUND when it does not exist or you may not see it.',
  })
  async instance(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: DirectoryUser,
  ): Promise<InstanceRecord> {
    const instance = await this.store.getInstance(id, viewerOf(user));
    if (!instance) throw ApiException.notFound('instance', id);
    return instance;
  }

  @Query(() => InstanceConnection, { description: 'Instances you may see, newest first.' })
  instances(
    @CurrentUser() user: DirectoryUser,
    @Args('filter', { type: () => InstanceFilter, nullable: true }) filter?: InstanceFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ConnectionShape<InstanceRecord>> {
    const page = pageRequest(first, after);
    return this.store.listInstances(withoutNulls(filter), page, viewerOf(user)).then(toConnection);
  }

  @Mutation(() => Instance, { description: 'Starts the latest version of a flow; you become its requester.' })
  startInstance(
    @CurrentUser() user: DirectoryUser,
    @Args('flowKey') flowKey: string,
    @Args('input', { type: () => GraphQLJSON }) input: Json,
    @Args('businessKey', { type: () => String, nullable: true }) businessKey?: string | null,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<InstanceRecord> {
    return this.store.startInstance({ flowKey, input, businessKey, idempotencyKey, actor: user.username });
  }

  @Mutation(() => Instance, {
    description: 'Sends a plain event; pass expectedVersion to refuse stale writes.',
  })
  sendEvent(
    @CurrentUser() user: DirectoryUser,
    @Args('instanceId', { type: () => ID }) instanceId: string,
    @Args('type') type: string,
    @Args('payload', { type: () => GraphQLJSON, nullable: true }) payload?: Json | null,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number | null,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<InstanceRecord> {
    return this.store.sendEvent({
      instanceId,
      type,
      ...(payload != null ? { payload } : {}),
      expectedVersion,
      idempotencyKey,
      actor: user.username,
    });
  }
}
