import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Json } from '@signet/dsl';
import GraphQLJSON from 'graphql-type-json';

@ObjectType({ description: 'A task as it stood at a past moment: who could act on it then.' })
export class TaskAt {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  state!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Username of the named assignee, if any.' })
  assignee!: string | null;

  @Field(() => [String])
  candidateRoles!: string[];

  @Field(() => String, { nullable: true })
  candidateTeam!: string | null;

  @Field(() => [String], { description: 'Users a four-eyes rule excluded.' })
  excludedUsers!: string[];

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'An instance as it was at a past moment, rebuilt from its event log.' })
export class InstanceAt {
  @Field(() => ID)
  instanceId!: string;

  @Field()
  at!: Date;

  @Field()
  flowKey!: string;

  @Field(() => Int)
  flowVersion!: number;

  @Field(() => Int, { description: 'The last event at or before `at`.' })
  seq!: number;

  @Field()
  status!: string;

  @Field()
  state!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  context!: Json;

  @Field(() => [TaskAt])
  openTasks!: TaskAt[];

  @Field({ description: 'False when replaying through the engine did not reach the logged states.' })
  replayConsistent!: boolean;

  @Field(() => String, { nullable: true })
  replayNote!: string | null;
}
