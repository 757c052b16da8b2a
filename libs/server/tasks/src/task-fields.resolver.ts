import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type { InstanceRecord, SignetStore, TaskRecord } from '@signet/persistence';
import {
  ApiException,
  CurrentUser,
  Instance,
  SIGNET_STORE,
  Task,
  User,
  viewerOf,
} from '@signet/server-common';

/** Edges of `Task`: its instance (within the caller's visibility), its assignee and its decider. */
@Resolver(() => Task)
export class TaskFieldsResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @ResolveField(() => Instance)
  async instance(@Parent() task: TaskRecord, @CurrentUser() user: DirectoryUser): Promise<InstanceRecord> {
    const instance = await this.store.getInstance(task.instanceId, viewerOf(user));
    if (!instance) throw ApiException.notFound('instance', task.instanceId);
    return instance;
  }

  @ResolveField(() => User, { nullable: true, description: 'The one user it is assigned to, if any.' })
  async assignee(@Parent() task: TaskRecord): Promise<DirectoryUser | null> {
    return task.assignee ? this.store.getUser(task.assignee) : null;
  }

  @ResolveField(() => User, { nullable: true })
  async decidedBy(@Parent() task: TaskRecord): Promise<DirectoryUser | null> {
    return task.decidedBy ? this.store.getUser(task.decidedBy) : null;
  }
}
