import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TaskRecord } from '@signet/persistence';
import type { LazyConnectionShape } from '@signet/server-common';
import { TaskConnection } from '@signet/server-common';

/**
 * `TaskConnection.totalCount`, counted only when selected: an inbox that pages without showing the
 * total sends one statement per page instead of a page and a count over every open task it may act on.
 */
@Resolver(() => TaskConnection)
export class TaskConnectionResolver {
  // The field's description stays the one `Connection()` declares; only its resolver is ours.
  @ResolveField(() => Int)
  totalCount(@Parent() connection: LazyConnectionShape<TaskRecord>): Promise<number> {
    return connection.countTotal();
  }
}
