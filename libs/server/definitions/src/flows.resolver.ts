import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { checkSource } from '@signet/dsl';
import type { DirectoryUser } from '@signet/engine';
import type { FlowDefinitionRecord, SignetStore } from '@signet/persistence';
import { ApiException, CurrentUser, Flow, FlowCheck, SIGNET_STORE } from '@signet/server-common';
import { deployedFlowsResolution } from './deployed-flows-resolution';
import { mayDeployFlows } from './may-deploy-flows';

/** Reading, checking and deploying flow definitions. */
@Resolver(() => Flow)
export class FlowsResolver {
  constructor(@Inject(SIGNET_STORE) private readonly store: SignetStore) {}

  @Query(() => [Flow], { description: 'The latest version of every deployed flow.' })
  flows(): Promise<FlowDefinitionRecord[]> {
    return this.store.listFlows();
  }

  @Query(() => Flow, { nullable: true, description: 'That version of a flow; the latest when omitted.' })
  async flow(
    @Args('key') key: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<FlowDefinitionRecord> {
    const flow = await this.store.getFlow(key, version ?? undefined);
    if (!flow) throw ApiException.notFound('flow', version == null ? key : `${key} v${version}`);
    return flow;
  }

  @Query(() => FlowCheck, {
    description: 'Checks a flow source and returns its diagnostics; deploys nothing.',
  })
  async checkFlow(@Args('source') source: string): Promise<FlowCheck> {
    // `use … from <key>` resolves against the latest deployed version of that flow, as a deploy does.
    const diagnostics = checkSource(source, await deployedFlowsResolution(this.store, source));
    return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
  }

  @Mutation(() => Flow, {
    description:
      'Deploys a new version of the flow named in the source (flow_admin only); FLOW_INVALID on errors.',
  })
  deployFlow(
    @Args('source') source: string,
    @CurrentUser() user: DirectoryUser,
  ): Promise<FlowDefinitionRecord> {
    if (!mayDeployFlows(user)) {
      throw ApiException.forbidden(`${user.username} may not deploy flows: that needs the role flow_admin.`);
    }
    return this.store.deployFlow(source, user.username);
  }
}
