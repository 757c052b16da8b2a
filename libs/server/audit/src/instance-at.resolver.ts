import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { AuditQueries, InstanceAtRecord, SignetStore } from '@signet/persistence';
import { ApiException, CurrentUser, SIGNET_STORE, viewerOf } from '@signet/server-common';
import { AUDIT_QUERIES } from './audit-queries.token';
import { InstanceAt } from './instance-at.model';

/** Point-in-time reads: an instance as it was, for anyone who may see the instance today. */
@Resolver()
export class InstanceAtResolver {
  constructor(
    @Inject(SIGNET_STORE) private readonly store: SignetStore,
    @Inject(AUDIT_QUERIES) private readonly audit: AuditQueries,
  ) {}

  @Query(() => InstanceAt, {
    nullable: true,
    description:
      'State, context, open tasks and assignees as they were at `at`; null before the instance existed.',
  })
  async instanceAt(
    @CurrentUser() user: DirectoryUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => Date }) at: Date,
  ): Promise<InstanceAtRecord | null> {
    const visible = await this.store.getInstance(id, viewerOf(user));
    if (!visible) throw ApiException.notFound('instance', id);
    return this.audit.instanceAt(id, at);
  }
}
