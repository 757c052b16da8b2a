import type { TaskIR } from '@signet/dsl';
import type { BoundFlow } from '../binding/bound-flow';
import type { FlowMachine } from '../binding/bind-machine';
import { stateOfTask } from '../binding/state-of-task';
import { StepEnv } from '../binding/step-env';
import { candidacy, currentAssignment, excludedUsers, type Resolved } from '../checks/task-people';
import { EngineErrors } from '../engine-errors';
import type { EscalationState, InstanceContext } from '../instance-context';
import { stayStep } from '../stay-step';
import type { CheckTrace, EngineContext, EngineEvent, ReassignTaskEffect, StepResult } from '../types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

export const ADD_SIGNER = 'task.addSigner';

/**
 * `task.addSigner` with `{ "to": user, "position": "before" | "after" }` on an `addSigner` task, from a
 * current decider (a candidate not excluded by `separateFrom`), naming a known user who is not excluded
 * either; one pending signer at a time. Before: the task goes to the signer now (`delegation`); after:
 * nothing moves until the decider approves (see `cosign`).
 */
export function addSignerStep(
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
  if (!task?.addSigner || !open)
    return EngineErrors.notAccepted(state, event.type, [
      `state ${state} has no open task that takes signers`,
    ]);
  const actor = ctx.actor;
  if (actor === null) return EngineErrors.noDecider(task.name);
  const now = currentAssignment(task, env, context);
  if (!now.ok) return EngineErrors.evaluationFailed(state, event.type, now.message);
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return EngineErrors.evaluationFailed(state, event.type, excluded.message);
  const esc = context.escalation?.taskId === open.id ? context.escalation : null;
  if (esc?.signer || esc?.delegatedFrom)
    return EngineErrors.notAccepted(state, event.type, [
      `${task.name} already has a pending signer or delegate`,
    ]);
  if (excluded.value.includes(actor)) return EngineErrors.separation(actor, task.name, 'separateFrom');
  const may = candidacy(actor, now.value, env);
  if (!may.passed) return EngineErrors.notCandidate(actor, task.name, may.detail);
  const p = event.payload;
  const body = p !== null && typeof p === 'object' && !Array.isArray(p) ? p : {};
  const to = body.to;
  const position = body.position;
  if (typeof to !== 'string' || !ctx.directory.user(to) || to === actor)
    return EngineErrors.badPayload(event.type, [
      { path: 'to', message: `${JSON.stringify(to ?? null)} is not another known user` },
    ]);
  if (position !== 'before' && position !== 'after')
    return EngineErrors.badPayload(event.type, [{ path: 'position', message: 'is "before" or "after"' }]);
  if (excluded.value.includes(to)) return EngineErrors.separation(to, task.name, 'separateFrom (as signer)');
  const signer = { position, user: to, by: actor, previous: esc } as const;
  const base = { taskId: open.id, level: esc?.level ?? 0, clause: esc?.clause ?? -1 };
  const check: CheckTrace = {
    check: 'assignee',
    passed: true,
    detail: `${actor} added ${to} as signer ${position}`,
  };
  if (position === 'after') {
    const { user, roles, team } = now.value;
    return stayStep(
      flow,
      current,
      state,
      event.type,
      { ...context, escalation: { ...base, user, roles, team, signer } },
      [],
      [check],
    );
  }
  const escalation: EscalationState = { ...base, user: to, roles: [], team: null, signer };
  const effect = reassign(
    task,
    env,
    context,
    'delegation',
    actor,
    { user: to, roles: [], team: null },
    excluded.value,
  );
  return stayStep(flow, current, state, event.type, { ...context, escalation }, [effect], [check]);
}

/**
 * A decision on a task with a pending added signer: an approval (the task's first decision) by the
 * signer added *before* sends the task back to whoever had it (`return`); an approval by the decider
 * who added a signer *after* hands it to that signer (`delegation`). Both keep the state and keep the
 * signature in `votes`. Anything else (a rejection, or no pending signer) is decided normally: null.
 */
export function cosign(
  task: TaskIR,
  env: StepEnv,
  context: InstanceContext,
  actor: string,
): Resolved<{ context: InstanceContext; effect: ReassignTaskEffect; check: CheckTrace }> | null {
  const open = context.openTask;
  const esc = open && context.escalation?.taskId === open.id ? context.escalation : null;
  const signer = esc?.signer;
  if (!open || !esc || !signer || env.eventType !== task.decisions[0]) return null;
  const ballots = {
    ...(context.votes?.taskId === open.id ? context.votes.ballots : {}),
    [actor]: env.eventType,
  };
  const votes = { taskId: open.id, ballots };
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return excluded;
  if (signer.position === 'before') {
    const { escalation: _drop, ...rest } = context;
    let back: Deciders;
    if (signer.previous) back = signer.previous;
    else {
      const declared = currentAssignment(task, env, rest);
      if (!declared.ok) return declared;
      back = declared.value;
    }
    const effect = reassign(task, env, context, 'return', actor, back, excluded.value);
    const next: InstanceContext = signer.previous
      ? { ...context, escalation: signer.previous, votes }
      : { ...rest, votes };
    return {
      ok: true,
      value: {
        context: next,
        effect,
        check: {
          check: 'assignee',
          passed: true,
          detail: `${actor} signed before; back to ${back.user ?? 'the candidates'}`,
        },
      },
    };
  }
  const to: Deciders = { user: signer.user, roles: [], team: null };
  const effect = reassign(task, env, context, 'delegation', actor, to, excluded.value);
  const escalation: EscalationState = { taskId: open.id, level: esc.level, clause: esc.clause, ...to };
  return {
    ok: true,
    value: {
      context: { ...context, escalation, votes },
      effect,
      check: {
        check: 'assignee',
        passed: true,
        detail: `${actor} signed; on to ${signer.user} (signer after)`,
      },
    },
  };
}

type Deciders = { user: string | null; roles: string[]; team: string | null };

/**
 * The re-assignment of the open task. Its `state` is the state holding the task, which need not share
 * its name (`task contract …` in `deposited`); task names are unique in a flow.
 */
function reassign(
  task: TaskIR,
  env: StepEnv,
  context: InstanceContext,
  reason: 'delegation' | 'return',
  actor: string,
  to: Deciders,
  excluded: string[],
): ReassignTaskEffect {
  const open = context.openTask!;
  const esc = context.escalation?.taskId === open.id ? context.escalation : null;
  return {
    type: 'reassignTask',
    taskId: open.id,
    name: task.name,
    state: stateOfTask(env.ir, task),
    reason,
    level: esc?.level ?? 0,
    previousAssignee: actor,
    assignee: to.user,
    candidateRoles: to.roles,
    candidateTeam: to.team,
    excludedUsers: excluded,
    dueAt: open.dueAt ?? null,
  };
}
