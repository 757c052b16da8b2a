import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { toMermaid } from '@signet/dsl';
import type { DirectoryUser } from '@signet/engine';
import type { FlowDefinitionRecord, SignetStore } from '@signet/persistence';
import { Flow, SIGNET_STORE, User } from '@signet/server-common';

/** Fields of `Flow` derived from the stored record: who deployed it, its states, its diagram. */
@Resolver(() => Flow)
export class FlowFieldsResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @ResolveField(() => User, { nullable: true, description: 'Null for flows deployed by the system.' })
  async deployedBy(@Parent() flow: FlowDefinitionRecord): Promise<DirectoryUser | null> {
    return flow.deployedBy ? this.store.getUser(flow.deployedBy) : null;
  }

  @ResolveField(() => [String], { description: 'Every state name, in source order.' })
  states(@Parent() flow: FlowDefinitionRecord): string[] {
    return flow.ir.states.map((state) => state.name);
  }

  @ResolveField(() => String, { description: 'Mermaid stateDiagram-v2 text generated from the machine.' })
  diagram(@Parent() flow: FlowDefinitionRecord): string {
    return toMermaid(flow.ir);
  }
}
