import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Json } from '@signet/dsl';
import GraphQLJSON from 'graphql-type-json';

/** One entry of the append-only, hash-chained event log. `actor` is resolved by the audit module. */
@ObjectType({ description: 'One accepted event of an instance, hash-chained to the one before it.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  instanceId!: string;

  @Field(() => Int, { description: "Position in the instance's log, from 1." })
  seq!: number;

  @Field({ description: 'The event type ("start", "approve", "timer.…").' })
  type!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  fromState!: string | null;

  @Field()
  toState!: string;

  @Field(() => Int)
  flowVersion!: number;

  @Field({ description: 'Hash of the flow definition the step ran under: the exact rule version.' })
  definitionHash!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  payload!: Json;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The guards, table rows and checks that decided the step.',
  })
  trace!: Json;

  @Field(() => String, { nullable: true })
  prevHash!: string | null;

  @Field()
  hash!: string;
}

/** Whether the hash chain of the log (or of one instance) is intact. */
@ObjectType()
export class AuditVerification {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => ID, { nullable: true })
  firstBrokenEventId!: string | null;
}
