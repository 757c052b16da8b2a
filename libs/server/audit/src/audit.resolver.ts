import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { AuditEventRecord, AuditQueries, FullVerification, SignetStore } from '@signet/persistence';
import type { LazyConnectionShape } from '@signet/server-common';
import {
  ApiException,
  AuditEvent,
  AuditEventConnection,
  AuditFilter,
  AuditVerification,
  CurrentUser,
  SIGNET_STORE,
  User,
  pageRequest,
  toLazyConnection,
  viewerOf,
  withoutNulls,
} from '@signet/server-common';
import { AUDIT_QUERIES } from './audit-queries.token';
import { mayVerifyWholeLog } from './may-verify-whole-log';

/** The event log: searching it (within the caller's visibility) and verifying its hash chain. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(
    @Inject(SIGNET_STORE) private readonly store: SignetStore,
    @Inject(AUDIT_QUERIES) private readonly audit: AuditQueries,
  ) {}

  @Query(() => AuditEventConnection, {
    description: 'Events of instances you may see; newest first by default.',
  })
  auditEvents(
    @CurrentUser() user: DirectoryUser,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LazyConnectionShape<AuditEventRecord>> {
    const page = pageRequest(first, after);
    const storeFilter = withoutNulls(filter);
    const viewer = viewerOf(user);
    // `totalCount` is counted only if selected (AuditEventConnectionResolver): the page is one
    // ordered statement, the exact count grows with the matches.
    return this.store
      .pageAuditEvents(storeFilter, page, viewer)
      .then((slice) => toLazyConnection(slice, () => this.store.countAuditEvents(storeFilter, viewer)));
  }

  @Query(() => AuditVerification, {
    description:
      "Verifies the hash chain of one instance's events and their links in the global chain, or the whole log and the global chain (auditors only).",
  })
  async verifyAudit(
    @CurrentUser() user: DirectoryUser,
    @Args('instanceId', { type: () => ID, nullable: true }) instanceId?: string | null,
  ): Promise<FullVerification> {
    if (instanceId == null) {
      if (!mayVerifyWholeLog(user)) {
        throw ApiException.forbidden(
          `${user.username} may not verify the whole log (auditors only); pass the instanceId of an instance you see.`,
        );
      }
      return this.audit.verify();
    }
    const instance = await this.store.getInstance(instanceId, viewerOf(user));
    if (!instance) throw ApiException.notFound('instance', instanceId);
    return this.audit.verify(instanceId);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null for timer events (type "timer.…").' })
  async actor(@Parent() event: AuditEventRecord): Promise<DirectoryUser | null> {
    return event.actor ? this.store.getUser(event.actor) : null;
  }
}
