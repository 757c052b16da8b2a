import type { OpenTaskEffect, StepOk } from '../types';

/**
 * Applies a step's task effects to the open tasks by id (what a store's task table does): `openTask`
 * adds, `reassignTask` moves (assignee, candidates, exclusions, due time), `closeTask` removes.
 */
export function followTasks(open: Map<string, OpenTaskEffect>, result: StepOk): void {
  for (const effect of result.effects) {
    if (effect.type === 'openTask') open.set(effect.taskId, effect);
    if (effect.type === 'closeTask') open.delete(effect.taskId);
    if (effect.type !== 'reassignTask') continue;
    const task = open.get(effect.taskId);
    if (!task) continue;
    const { assignee, candidateRoles, candidateTeam, excludedUsers, dueAt } = effect;
    open.set(task.taskId, { ...task, assignee, candidateRoles, candidateTeam, excludedUsers, dueAt });
  }
}
