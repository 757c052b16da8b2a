import { Field, InputType } from '@nestjs/graphql';
import type { InstanceStatus as InstanceStatusValue } from '@signet/persistence';
import { InstanceStatus } from '../models/status.enums';

/** Narrows `instances`; every field is optional and they combine with AND. */
@InputType()
export class InstanceFilter {
  @Field(() => String, { nullable: true })
  flowKey?: string | null;

  @Field(() => InstanceStatus, { nullable: true })
  status?: InstanceStatusValue | null;

  @Field(() => String, { nullable: true })
  state?: string | null;

  @Field(() => String, { nullable: true })
  businessKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Username of the user who started it.' })
  startedBy?: string | null;

  @Field(() => Date, { nullable: true })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  createdBefore?: Date | null;
}
