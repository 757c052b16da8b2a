import { EntitySchema } from '@mikro-orm/core';
import type { TaskStatus } from '../store';
import { InstanceEntity } from './instance.entity';

/** The inbox projection of a human task, written from the engine's openTask/closeTask effects. */
export class TaskEntity {
  id!: string;
  instance!: InstanceEntity;
  name!: string;
  state!: string;
  title!: string;
  decisions!: string[];
  assignee!: string | null;
  candidateRoles!: string[];
  candidateTeam!: string | null;
  /** Users who may decide, for tasks assigned to a list of users (migration 0006). */
  candidateUsers!: string[];
  /** Users who already voted on this open task (parallel approval; migration 0008). */
  votedUsers!: string[];
  excludedUsers!: string[];
  status!: TaskStatus;
  dueAt!: Date | null;
  createdAt!: Date;
  decidedBy!: string | null;
  decision!: string | null;
  comment!: string | null;
  decidedAt!: Date | null;
  /** How many times the open task was escalated (migration 0004); 0 = its first assignment. */
  escalationLevel!: number;
}

export const TaskSchema = new EntitySchema<TaskEntity>({
  class: TaskEntity,
  tableName: 'task',
  properties: {
    id: { type: 'uuid', primary: true },
    instance: { kind: 'm:1', entity: () => InstanceEntity },
    name: { type: 'text' },
    state: { type: 'text' },
    title: { type: 'text' },
    decisions: { type: 'text[]' },
    assignee: { type: 'text', nullable: true },
    candidateRoles: { type: 'text[]' },
    candidateTeam: { type: 'text', nullable: true },
    candidateUsers: { type: 'text[]' },
    votedUsers: { type: 'text[]', default: [] },
    excludedUsers: { type: 'text[]' },
    status: { type: 'text' },
    dueAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    decidedBy: { type: 'text', nullable: true },
    decision: { type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    decidedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    escalationLevel: { type: 'integer', default: 0 },
  },
});
