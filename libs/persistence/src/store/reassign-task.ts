import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { ReassignTaskEffect } from '@signet/engine';
import { TaskEntity } from '../entities';
import type { OutboxMessage } from './apply-effects';

/**
 * Moves an open task to its new deciders (an escalation, a delegation or its return): assignee,
 * candidates, exclusions, escalation level and the restarted SLA. Returns the notifications for the
 * old and the new deciders, keyed by task, level and recipient so a replayed step notifies once.
 * A task that does not exist or is not open is an engine bug and throws.
 */
export async function reassignTask(
  em: SqlEntityManager,
  instanceId: string,
  effect: ReassignTaskEffect,
): Promise<OutboxMessage[]> {
  const task = await em.findOne(TaskEntity, { id: effect.taskId });
  if (!task) throw new Error(`engine re-assigned task ${effect.taskId}, which was never opened`);
  if (task.status !== 'OPEN')
    throw new Error(`engine re-assigned task ${effect.taskId}, which is ${task.status}`);
  const before = deciders(task.assignee, task.candidateRoles, task.candidateTeam, task.candidateUsers);
  const previous = effect.previousAssignee !== null ? [effect.previousAssignee] : before;
  Object.assign(task, {
    assignee: effect.assignee,
    candidateRoles: effect.candidateRoles,
    candidateTeam: effect.candidateTeam,
    // A re-assignment names its new deciders in full; list candidates do not carry over.
    candidateUsers: [],
    excludedUsers: effect.excludedUsers,
    escalationLevel: effect.level,
    dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
  });
  const after = deciders(effect.assignee, effect.candidateRoles, effect.candidateTeam);
  const data = { taskId: task.id, task: task.name, reason: effect.reason, level: effect.level };
  const message = (side: 'from' | 'to', to: string): OutboxMessage => ({
    key: `${effect.reason}:${task.id}:${effect.level}:${side}:${to}`,
    to,
    template: side === 'from' ? `task.${effect.reason}.removed` : `task.${effect.reason}.assigned`,
    data,
  });
  return [...previous.map((to) => message('from', to)), ...after.map((to) => message('to', to))];
}

/** Who may decide: the named assignee, else the listed users, candidate roles (`role:x`) or team (`team:x`). */
function deciders(
  assignee: string | null,
  roles: string[],
  team: string | null,
  users: string[] = [],
): string[] {
  if (assignee !== null) return [assignee];
  return [...users, ...roles.map((r) => `role:${r}`), ...(team !== null ? [`team:${team}`] : [])];
}
