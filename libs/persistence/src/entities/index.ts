import { FlowDefinitionSchema } from './flow-definition.entity';
import { IdempotencyKeySchema } from './idempotency-key.entity';
import { InstanceEventSchema } from './instance-event.entity';
import { InstanceSchema } from './instance.entity';
import { OrgRoleSchema, OrgTeamSchema, OrgUserRoleSchema, OrgUserSchema } from './org.entity';
import { OutboxSchema } from './outbox.entity';
import { TaskSchema } from './task.entity';
import { TimerSchema } from './timer.entity';

export * from './flow-definition.entity';
export * from './idempotency-key.entity';
export * from './instance-event.entity';
export * from './instance.entity';
export * from './org.entity';
export * from './outbox.entity';
export * from './task.entity';
export * from './timer.entity';

/** Every entity the ORM maps; the tables themselves come from `migrations/`. */
export const entities = [
  FlowDefinitionSchema,
  InstanceSchema,
  InstanceEventSchema,
  TaskSchema,
  TimerSchema,
  OutboxSchema,
  IdempotencyKeySchema,
  OrgTeamSchema,
  OrgRoleSchema,
  OrgUserSchema,
  OrgUserRoleSchema,
];
