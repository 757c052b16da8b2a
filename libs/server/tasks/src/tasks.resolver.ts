import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Json } from '@signet/dsl';
import type { DirectoryUser } from '@signet/engine';
import type { InstanceRecord, SignetStore, TaskRecord } from '@signet/persistence';
import type { LazyConnectionShape } from '@signet/server-common';
import {
  CurrentUser,
  Instance,
  SIGNET_STORE,
  Task,
  TaskConnection,
  TaskFilter,
  pageRequest,
  toLazyConnection,
  viewerOf,
  withoutNulls,
} from '@signet/server-common';
import GraphQLJSON from 'graphql-type-json';

/** The inbox, task search and deciding a task. Who may decide is enforced by the engine, not here. */
@Resolver(() => Task)
export class TasksResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Query(() => TaskConnection, {
    description: "Without a filter: the caller's inbox, the open tasks the caller may decide now.",
  })
  tasks(
    @CurrentUser() user: DirectoryUser,
    @Args('filter', { type: () => TaskFilter, nullable: true }) filter?: TaskFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<LazyConnectionShape<TaskRecord>> {
    const page = pageRequest(first, after);
    const storeFilter = filter ? withoutNulls(filter) : null;
    const viewer = viewerOf(user);
    // The exact count grows with the matches (≈ 0.1 s per 100 k) while the page does not: it runs
    // only if the client selects `totalCount` (TaskConnectionResolver).
    return this.store
      .pageTasks(storeFilter, page, viewer)
      .then((slice) => toLazyConnection(slice, () => this.store.countTasks(storeFilter, viewer)));
  }

  @Mutation(() => Instance, {
    description: 'Decides an open task with one of its `decisions`; returns the instance.',
  })
  decideTask(
    @CurrentUser() user: DirectoryUser,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('decision') decision: string,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
    @Args('payload', { type: () => GraphQLJSON, nullable: true }) payload?: Json | null,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<InstanceRecord> {
    return this.store.decideTask({
      taskId,
      decision,
      comment,
      ...(payload != null ? { payload } : {}),
      idempotencyKey,
      actor: user.username,
    });
  }
}
