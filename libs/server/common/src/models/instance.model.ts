import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Json } from '@signet/dsl';
import type { InstanceStatus as InstanceStatusValue } from '@signet/persistence';
import GraphQLJSON from 'graphql-type-json';
import { InstanceStatus } from './status.enums';

/**
 * A running or finished process instance. `flow`, `tasks`, `history` and `startedBy` are resolved
 * by the instances module.
 */
@ObjectType({ description: 'A process instance, pinned to the flow version it started on.' })
export class Instance {
  @Field(() => ID)
  id!: string;

  @Field()
  flowKey!: string;

  @Field(() => Int)
  flowVersion!: number;

  @Field(() => String, { nullable: true })
  businessKey!: string | null;

  @Field(() => InstanceStatus)
  status!: InstanceStatusValue;

  @Field({ description: 'Active state path, e.g. "manager_review" or "review.chief_engineer".' })
  state!: string;

  @Field(() => GraphQLJSON, { description: 'Input, requester, variables and recorded decisions.' })
  context!: Json;

  @Field(() => Int, { description: 'Optimistic version; pass it as expectedVersion to sendEvent.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
