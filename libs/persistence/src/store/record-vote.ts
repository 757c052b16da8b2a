import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Effect, EngineEvent } from '@signet/engine';
import { TaskEntity } from '../entities';

/**
 * A decision that leaves its task open is a vote in a parallel approval: the voter may not decide
 * the task again, so it leaves their inbox. Delegation and other task events are not votes.
 */
export async function recordVote(
  em: SqlEntityManager,
  event: EngineEvent,
  actor: string | null,
  effects: readonly Effect[],
): Promise<void> {
  const taskId = event.taskId;
  if (taskId === undefined || actor === null) return;
  if (effects.some((e) => (e.type === 'closeTask' || e.type === 'reassignTask') && e.taskId === taskId))
    return;
  const task = await em.findOne(TaskEntity, { id: taskId });
  if (!task || task.status !== 'OPEN' || !task.decisions.includes(event.type)) return;
  if (!task.votedUsers.includes(actor)) task.votedUsers = [...task.votedUsers, actor];
}
