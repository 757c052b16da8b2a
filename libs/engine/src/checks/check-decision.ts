import { exprText } from '@signet/dsl';
import type { BoundFlow } from '../binding/bound-flow';
import type { StepEnv } from '../binding/step-env';
import { EngineErrors } from '../engine-errors';
import type { InstanceContext } from '../instance-context';
import type { CheckTrace, EngineEvent, StepFailed } from '../types';
import { candidacy, currentAssignment, excludedUsers } from './task-people';

export interface DecisionChecks {
  checks: CheckTrace[];
  /** The name of the task this event decides, if it is a decision of the open task. */
  decides: string | null;
}

export function isTimerEvent(type: string): boolean {
  return type.startsWith('timer.');
}

/**
 * The checks `step` makes before any transition, in this order: a timer event must come from no
 * user; an event that concerns a task (it is a task decision somewhere in the flow, or names a
 * `taskId`) must target the open task (`TASK_NOT_OPEN`), be one of its decisions
 * (`DECISION_NOT_OFFERED`), come from a user not excluded by `separateFrom` evaluated now
 * (`SEPARATION_OF_DUTIES`) and from a candidate (`FORBIDDEN`). Both people checks are traced.
 */
export function checkDecision(
  flow: BoundFlow,
  state: string,
  context: InstanceContext,
  event: EngineEvent,
  env: StepEnv,
): DecisionChecks | StepFailed {
  const actor = env.ctx.actor;
  if (isTimerEvent(event.type))
    return actor === null ? { checks: [], decides: null } : EngineErrors.timerFromUser(event.type, actor);
  const concernsTask = event.taskId !== undefined || flow.decisionEvents.has(event.type);
  if (!concernsTask) return { checks: [], decides: null };
  const task = flow.states.get(state)?.task;
  const open = context.openTask;
  if (!task || !open)
    return event.taskId !== undefined
      ? EngineErrors.taskNotOpen(event.taskId, state, open)
      : { checks: [], decides: null };
  if (event.taskId !== undefined && event.taskId !== open.id)
    return EngineErrors.taskNotOpen(event.taskId, state, open);
  if (!task.decisions.includes(event.type))
    return EngineErrors.decisionNotOffered(event.type, task.name, task.decisions);
  if (actor === null) return EngineErrors.noDecider(task.name);

  const checks: CheckTrace[] = [];
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return EngineErrors.evaluationFailed(state, event.type, excluded.message);
  const rules = task.separateFrom.map(exprText).join(', ');
  if (excluded.value.includes(actor)) {
    checks.push({
      check: 'separateFrom',
      passed: false,
      detail: `${actor} is excluded by separateFrom ${rules}`,
    });
    return EngineErrors.separation(actor, task.name, rules);
  }
  checks.push({
    check: 'separateFrom',
    passed: true,
    detail:
      task.separateFrom.length === 0
        ? 'no separateFrom rule'
        : `${actor} is not excluded by separateFrom ${rules} (${excluded.value.join(', ') || 'nobody'})`,
  });

  const assignment = currentAssignment(task, env, context);
  if (!assignment.ok) return EngineErrors.evaluationFailed(state, event.type, assignment.message);
  const candidate = candidacy(actor, assignment.value, env);
  checks.push({ check: 'assignee', ...candidate });
  if (!candidate.passed) return EngineErrors.notCandidate(actor, task.name, candidate.detail);
  return { checks, decides: task.name };
}
