import { registerEnumType } from '@nestjs/graphql';
import type {
  InstanceStatus as InstanceStatusValue,
  TaskStatus as TaskStatusValue,
} from '@signet/persistence';

/** GraphQL enum over the store's instance statuses (same strings, so records pass through unchanged). */
export const InstanceStatus = {
  ACTIVE: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<InstanceStatusValue, InstanceStatusValue>;

/** GraphQL enum over the store's task statuses. */
export const TaskStatus = {
  OPEN: 'OPEN',
  DONE: 'DONE',
  CANCELLED: 'CANCELLED',
} as const satisfies Record<TaskStatusValue, TaskStatusValue>;

registerEnumType(InstanceStatus, { name: 'InstanceStatus' });
registerEnumType(TaskStatus, { name: 'TaskStatus' });
