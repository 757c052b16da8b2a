import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuditEventRecord } from '@signet/persistence';
import type { LazyConnectionShape } from '@signet/server-common';
import { AuditEventConnection } from '@signet/server-common';

/**
 * `AuditEventConnection.totalCount`, counted only when selected (ADR 0013): at ten million events an
 * exact count over a flow, a type or a day takes seconds while the page takes milliseconds, so a
 * client that pages without showing the total must not pay for it.
 */
@Resolver(() => AuditEventConnection)
export class AuditEventConnectionResolver {
  @ResolveField(() => Int, {
    description:
      'Matches in total, across all pages; counted only when selected (exact, so slower on wide filters).',
  })
  totalCount(@Parent() connection: LazyConnectionShape<AuditEventRecord>): Promise<number> {
    return connection.countTotal();
  }
}
