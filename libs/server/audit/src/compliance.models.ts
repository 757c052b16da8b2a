import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A discount approved above the requester's own authority, and who signed it." })
export class DiscountAboveAuthority {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) instanceId!: string;
  @Field(() => Int) flowVersion!: number;
  @Field() requester!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) discount!: string | null;
  @Field(() => String, { nullable: true }) listPrice!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The requester's authority as the start step recorded it.",
  })
  requesterAuthority!: string | null;
  @Field(() => String, { nullable: true, description: 'manager, director or vice_president.' })
  level!: string | null;
  @Field() signedInState!: string;
  @Field() signedBy!: string;
  @Field() signedAt!: Date;
}

@ObjectType({ description: 'A refused attempt (four-eyes), kept outside the rolled-back step.' })
export class Refusal {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field() actor!: string;
  @Field() operation!: string;
  @Field(() => ID, { nullable: true }) instanceId!: string | null;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field() message!: string;
}

@ObjectType({ description: 'A decision where approver and requester are close in the hierarchy.' })
export class SoftConflict {
  @Field(() => ID) eventId!: string;
  @Field(() => ID) instanceId!: string;
  @Field() flowKey!: string;
  @Field() decision!: string;
  @Field(() => String, { nullable: true }) taskState!: string | null;
  @Field() approver!: string;
  @Field() requester!: string;
  @Field() at!: Date;
  @Field({ description: 'same_superior or approver_reports_to_requester.' }) relation!: string;
  @Field(() => String, { nullable: true }) sharedSuperior!: string | null;
}

@ObjectType({ description: 'SLA breaches of one escalation level (task) in one month.' })
export class SlaBreaches {
  @Field() flowKey!: string;
  @Field() level!: string;
  @Field({ description: 'YYYY-MM (UTC) of the due time.' }) month!: string;
  @Field(() => Int) tasks!: number;
  @Field(() => Int) breaches!: number;
  @Field(() => Int) openTasks!: number;
  @Field(() => Float, { nullable: true }) p50CloseSeconds!: number | null;
  @Field(() => Float, { nullable: true }) p90CloseSeconds!: number | null;
}

@ObjectType({ description: 'Time-in-state percentiles of completed stays.' })
export class TimeInState {
  @Field() flowKey!: string;
  @Field() state!: string;
  @Field({ description: "A candidate role of the state's task; '-' when it has none." }) role!: string;
  @Field(() => Int) stays!: number;
  @Field(() => Float) p50Seconds!: number;
  @Field(() => Float) p90Seconds!: number;
  @Field(() => Float) p95Seconds!: number;
  @Field(() => Float) maxSeconds!: number;
}

@ObjectType({ description: 'One thing a user did: a step, a refused attempt, a deployment.' })
export class UserActivity {
  @Field({ description: 'event, refusal or deploy.' }) kind!: string;
  @Field({ description: 'The event, refusal or definition id.' }) ref!: string;
  @Field() at!: Date;
  @Field() actor!: string;
  @Field(() => ID, { nullable: true }) instanceId!: string | null;
  @Field(() => String, { nullable: true }) flowKey!: string | null;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) fromState!: string | null;
  @Field(() => String, { nullable: true }) toState!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
}
