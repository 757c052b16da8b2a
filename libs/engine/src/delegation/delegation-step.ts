import type { BoundFlow } from '../binding/bound-flow';
import type { FlowMachine } from '../binding/bind-machine';
import { StepEnv } from '../binding/step-env';
import { candidacy, currentAssignment, excludedUsers } from '../checks/task-people';
import { EngineErrors } from '../engine-errors';
import type { EscalationState, InstanceContext } from '../instance-context';
import { stayStep } from '../stay-step';
import type { EngineContext, EngineEvent, ReassignTaskEffect, StepResult } from '../types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

export const DELEGATE = 'task.delegate';
export const RETURN = 'task.return';

/**
 * `task.delegate` (payload `{ "to": "<username>" }`) and `task.return` on a `delegable` task. They keep
 * the state and move the open task:
 * - delegate: a current decider (a candidate, not excluded by `separateFrom`) hands it to a known user
 *   who is not excluded either (`SEPARATION_OF_DUTIES`), once at a time; reason `delegation`.
 * - return: only the delegate hands it back to whoever had it before (reason `return`).
 * The due time is kept; the escalation level is unchanged.
 */
export function delegationStep(
  flow: BoundFlow,
  ctx: EngineContext,
  current: MachineSnapshot,
  state: string,
  event: EngineEvent,
): StepResult {
  const env = new StepEnv(flow.ir, ctx, event);
  const context = current.context;
  const task = flow.states.get(state)?.task;
  const open = context.openTask;
  if (!task?.delegable || !open)
    return EngineErrors.notAccepted(state, event.type, [`state ${state} has no open delegable task`]);
  const actor = ctx.actor;
  if (actor === null) return EngineErrors.noDecider(task.name);
  const now = currentAssignment(task, env, context);
  if (!now.ok) return EngineErrors.evaluationFailed(state, event.type, now.message);
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return EngineErrors.evaluationFailed(state, event.type, excluded.message);
  const esc = context.escalation?.taskId === open.id ? context.escalation : null;
  const base = {
    type: 'reassignTask' as const,
    taskId: open.id,
    name: task.name,
    state,
    level: esc?.level ?? 0,
    previousAssignee: actor,
    excludedUsers: excluded.value,
    dueAt: open.dueAt ?? null,
  };

  if (event.type === RETURN) {
    if (!esc?.delegatedFrom || esc.user !== actor)
      return EngineErrors.notCandidate(
        actor,
        task.name,
        `${actor} holds no delegation of ${task.name} to return`,
      );
    const back = esc.delegatedFrom.previous;
    const who = back ? { ok: true as const, value: back } : restoreDeclared(task, env, context);
    if (!who.ok) return EngineErrors.evaluationFailed(state, event.type, who.message);
    const effect: ReassignTaskEffect = {
      ...base,
      reason: 'return',
      assignee: who.value.user,
      candidateRoles: who.value.roles,
      candidateTeam: who.value.team,
    };
    const { escalation: _drop, ...rest } = context;
    const next: InstanceContext = back ? { ...context, escalation: back } : rest;
    return stayStep(
      flow,
      current,
      state,
      event.type,
      next,
      [effect],
      [
        {
          check: 'assignee',
          passed: true,
          detail: `${actor} returned ${task.name} to ${effect.assignee ?? 'its candidates'}`,
        },
      ],
    );
  }

  if (esc?.delegatedFrom)
    return EngineErrors.notAccepted(state, event.type, [
      `${task.name} is delegated to ${esc.user}; it must be returned first`,
    ]);
  if (excluded.value.includes(actor)) return EngineErrors.separation(actor, task.name, 'separateFrom');
  const may = candidacy(actor, now.value, env);
  if (!may.passed) return EngineErrors.notCandidate(actor, task.name, may.detail);
  const payload = event.payload;
  const to =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload.to : undefined;
  if (typeof to !== 'string' || !ctx.directory.user(to) || to === actor)
    return EngineErrors.badPayload(event.type, [
      { path: 'to', message: `${JSON.stringify(to ?? null)} is not another known user` },
    ]);
  if (excluded.value.includes(to))
    return EngineErrors.separation(to, task.name, 'separateFrom (as delegate)');
  const previous: EscalationState | null = esc;
  const escalation: EscalationState = {
    taskId: open.id,
    level: esc?.level ?? 0,
    clause: esc?.clause ?? -1,
    user: to,
    roles: [],
    team: null,
    delegatedFrom: { by: actor, previous },
  };
  const effect: ReassignTaskEffect = {
    ...base,
    reason: 'delegation',
    assignee: to,
    candidateRoles: [],
    candidateTeam: null,
  };
  return stayStep(
    flow,
    current,
    state,
    event.type,
    { ...context, escalation },
    [effect],
    [{ check: 'assignee', passed: true, detail: `${actor} delegated ${task.name} to ${to}` }],
  );
}

function restoreDeclared(
  task: Parameters<typeof currentAssignment>[0],
  env: StepEnv,
  context: InstanceContext,
) {
  const { escalation: _drop, ...rest } = context;
  return currentAssignment(task, env, rest);
}
