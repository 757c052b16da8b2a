import { Field, ID, InputType } from '@nestjs/graphql';

/** Narrows `auditEvents`; every field is optional and they combine with AND. */
@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  instanceId?: string | null;

  @Field(() => String, { nullable: true })
  flowKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Username of the actor.' })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Event type, e.g. "approve".' })
  type?: string | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this time.' })
  after?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this time.' })
  before?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Oldest first when true (default: newest first).' })
  ascending?: boolean | null;
}
