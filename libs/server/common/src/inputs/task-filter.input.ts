import { Field, ID, InputType } from '@nestjs/graphql';
import type { TaskStatus as TaskStatusValue } from '@signet/persistence';
import { TaskStatus } from '../models/status.enums';

/** Narrows `tasks`; every field is optional and they combine with AND. Without a filter: the inbox. */
@InputType()
export class TaskFilter {
  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatusValue | null;

  @Field(() => String, { nullable: true })
  assignee?: string | null;

  @Field(() => String, { nullable: true, description: 'A candidate role of the task.' })
  role?: string | null;

  @Field(() => ID, { nullable: true })
  instanceId?: string | null;

  @Field(() => String, { nullable: true })
  flowKey?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Open tasks past their due time.' })
  overdue?: boolean | null;
}
