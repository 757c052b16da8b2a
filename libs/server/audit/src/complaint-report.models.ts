import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

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

@ObjectType({ description: 'The task an open complaint waits on, and who holds it.' })
export class OpenComplaintTask {
  @Field(() => ID) taskId!: string;
  @Field({ description: 'triage, reply, written_report or follow_up.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The owner it is assigned to, if one.' })
  assignee!: string | null;
  @Field(() => [String], { description: 'Users who may act on it (a crisis reply: manager and director).' })
  candidateUsers!: string[];
  @Field(() => [String], { description: 'Roles whose members may act on it (triage: any agent).' })
  candidateRoles!: string[];
  @Field(() => Int, { description: '0: the first owner; 1: one escalation up (the supervisor), …' })
  escalationLevel!: number;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field({ description: 'Its due time has passed.' }) overdue!: boolean;
}

@ObjectType({ description: 'A complaint of the month still open: not closed by the follow-up call yet.' })
export class OpenComplaint {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true }) customer!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true }) severity!: string | null;
  @Field(() => String, { nullable: true }) channel!: string | null;
  @Field(() => Date) recordedAt!: Date;
  @Field() recordedBy!: string;
  @Field({ description: 'Where it stands: triage, reply, written_report or follow_up.' }) state!: string;
  @Field(() => Float, { description: 'Seconds since it was recorded.' }) ageSeconds!: number;
  @Field(() => OpenComplaintTask, { nullable: true, description: 'The task it waits on, if any.' })
  task!: OpenComplaintTask | null;
}
