import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Complaints of one month sharing a category or a severity.' })
export class ComplaintGroup {
  @Field({ description: 'The category or the severity.' }) key!: string;
  @Field(() => Int) complaints!: number;
  @Field(() => Int, { description: 'Not closed by the follow-up call yet.' }) openItems!: number;
  @Field(() => Int, { description: 'Resolved at once in triage, or replied to by the owner.' })
  answered!: number;
  @Field(() => Float, { nullable: true, description: 'Seconds from recording to the answer, median.' })
  replyP50Seconds!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Seconds from recording to the answer, 90th percentile.',
  })
  replyP90Seconds!: number | null;
  @Field(() => Int, { description: 'Missed reply deadlines, at any escalation level.' }) breaches!: number;
}

@ObjectType({ description: 'Missed reply deadlines at one escalation level.' })
export class ComplaintBreachLevel {
  @Field(() => Int, { description: '0: the first owner; 1: one escalation up (the supervisor), …' })
  level!: number;
  @Field(() => Int) breaches!: number;
  @Field(() => Int, { description: 'Complaints with a breach at this level.' }) complaints!: number;
  @Field(() => Int, { description: 'Of those, still open.' }) openItems!: number;
}

@ObjectType({
  description:
    'The monthly complaint report (客户投诉情况及处理月报) for the complaints recorded in one month.',
})
export class ComplaintMonth {
  @Field({ description: 'YYYY-MM (UTC) of the recording time.' }) month!: string;
  @Field(() => Int) complaints!: number;
  @Field(() => Int, { description: 'Not closed by the follow-up call yet.' }) openItems!: number;
  @Field(() => Int, { description: 'Resolved at once in triage, or replied to by the owner.' })
  answered!: number;
  @Field(() => Float, { nullable: true, description: 'Seconds from recording to the answer, median.' })
  replyP50Seconds!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Seconds from recording to the answer, 90th percentile.',
  })
  replyP90Seconds!: number | null;
  @Field(() => Int, { description: 'Missed reply deadlines, at any escalation level.' }) breaches!: number;
  @Field(() => [ComplaintGroup]) byCategory!: ComplaintGroup[];
  @Field(() => [ComplaintGroup]) bySeverity!: ComplaintGroup[];
  @Field(() => [ComplaintBreachLevel], { description: 'Levels with at least one breach, lowest first.' })
  breachesByLevel!: ComplaintBreachLevel[];
}
