import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TaskStatus as TaskStatusValue } from '@signet/persistence';
import { TaskStatus } from './status.enums';

/** A human task of an instance. `instance`, `assignee` and `decidedBy` are resolved by the tasks module. */
@ObjectType({ description: 'A human task: who may decide it, how, and what was decided.' })
export class Task {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  instanceId!: string;

  @Field()
  name!: string;

  @Field()
  state!: string;

  @Field()
  title!: string;

  @Field(() => [String], { description: 'The decisions decideTask accepts for this task.' })
  decisions!: string[];

  @Field(() => [String])
  candidateRoles!: string[];

  @Field(() => String, { nullable: true })
  candidateTeam!: string | null;

  @Field(() => [String], {
    description: 'Users who may decide, when the task is assigned to a list of users.',
  })
  candidateUsers!: string[];

  @Field(() => TaskStatus)
  status!: TaskStatusValue;

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  decision!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}
