import { Inject } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { DirectoryUser } from '@signet/engine';
import type {
  AuditEventRecord,
  FlowDefinitionRecord,
  InstanceRecord,
  SignetStore,
  TaskRecord,
  TaskStatus as TaskStatusValue,
} from '@signet/persistence';
import { AuditEvent, Flow, Instance, SIGNET_STORE, Task, TaskStatus, User } from '@signet/server-common';

/**
 * Edges of `Instance`. The parent was already checked visible to the caller, so its tasks and
 * history are too.
 */
@Resolver(() => Instance)
export class InstanceFieldsResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @ResolveField(() => Flow, { description: 'The flow version this instance is pinned to.' })
  async flow(@Parent() instance: InstanceRecord): Promise<FlowDefinitionRecord> {
    const flow = await this.store.getFlowById(instance.definitionId);
    // Definitions are never deleted while instances point at them.
    if (!flow)
      throw new Error(`instance ${instance.id} points at missing definition ${instance.definitionId}`);
    return flow;
  }

  @ResolveField(() => [Task], {
    description: 'Its tasks, oldest first; only those with that status if given.',
  })
  tasks(
    @Parent() instance: InstanceRecord,
    @Args('status', { type: () => TaskStatus, nullable: true }) status?: TaskStatusValue | null,
  ): Promise<TaskRecord[]> {
    return this.store.tasksOfInstance(instance.id, status ?? undefined);
  }

  @ResolveField(() => [AuditEvent], { description: 'Every accepted event, oldest first.' })
  history(@Parent() instance: InstanceRecord): Promise<AuditEventRecord[]> {
    return this.store.history(instance.id);
  }

  @ResolveField(() => User, { description: 'The requester.' })
  async startedBy(@Parent() instance: InstanceRecord): Promise<DirectoryUser> {
    const user = await this.store.getUser(instance.startedBy);
    // Users are never removed from the directory, only their roles change.
    if (!user) throw new Error(`instance ${instance.id} was started by unknown user ${instance.startedBy}`);
    return user;
  }
}
