import type { StateIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import { excludedUsers, resolveAssignment, type Resolved } from '../checks/task-people';
import type { InstanceContext } from '../instance-context';
import type { CloseTaskEffect, OpenTaskEffect } from '../types';
import { dueAt } from './clock';

/**
 * Opens the task of `state` with a fresh id: candidates resolved from the directory now (roles,
 * team, or one assignee), `excludedUsers` from `separateFrom` evaluated on the context the state is
 * entered with, and `dueAt` = now + SLA.
 */
export function openTaskEffect(
  state: StateIR,
  env: StepEnv,
  context: InstanceContext,
): Resolved<OpenTaskEffect> {
  const task = state.task!;
  const assignment = resolveAssignment(task, env, context);
  if (!assignment.ok) return assignment;
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return excluded;
  let due: string | null = null;
  if (task.sla !== undefined) {
    const at = dueAt(env.now, task.sla, env.ctx.calendar);
    if (at === undefined) return { ok: false, message: `task ${task.name}: "${task.sla}" is not a duration` };
    due = at;
  }
  return {
    ok: true,
    value: {
      type: 'openTask',
      taskId: env.ctx.newId(),
      name: task.name,
      state: state.name,
      title: task.title,
      decisions: task.decisions,
      assignee: assignment.value.user,
      candidateRoles: assignment.value.roles,
      candidateTeam: assignment.value.team,
      excludedUsers: excluded.value,
      dueAt: due,
      ...(assignment.value.users ? { candidateUsers: assignment.value.users } : {}),
    },
  };
}

/** Closes the open task: `DONE` with the decision when this event decided it, else `CANCELLED` (its state was left). */
export function closeTaskEffect(
  open: { id: string; name: string },
  state: string,
  env: StepEnv,
  decided: boolean,
): CloseTaskEffect {
  return {
    type: 'closeTask',
    taskId: open.id,
    name: open.name,
    state,
    status: decided ? 'DONE' : 'CANCELLED',
    decision: decided ? (env.event?.type ?? null) : null,
    decidedBy: decided ? env.ctx.actor : null,
    comment: decided ? (env.event?.comment ?? null) : null,
  };
}
