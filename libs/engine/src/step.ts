import type { FlowIR } from '@signet/dsl';
import { transition } from 'xstate';
import { boundFlow } from './binding/bound-flow';
import { ENV_KEY, StepEnv } from './binding/step-env';
import { checkDecision } from './checks/check-decision';
import { checkPayload } from './checks/check-payload';
import { checkSender } from './checks/check-sender';
import { tallyVote } from './checks/tally-vote';
import { ADD_SIGNER, addSignerStep, cosign } from './delegation/add-signer';
import { DELEGATE, delegationStep, RETURN } from './delegation/delegation-step';
import { stayStep } from './stay-step';
import { EngineErrors } from './engine-errors';
import { timerActionStep } from './escalation/timer-action-step';
import { finishStep, guardLoops, type Transitioned } from './finish-step';
import { assertContext } from './assert-context';
import { restoreSnapshot } from './snapshot';
import type { EngineContext, EngineEvent, PersistedSnapshot, StepResult } from './types';

/**
 * Applies one event to a stored instance. The rules, in order:
 * 1. a finished instance takes nothing (`INSTANCE_DONE`);
 * 2. the event must be one the flow knows (`UNKNOWN_EVENT`);
 * 3. a task decision must target the open task (`TASK_NOT_OPEN`), be offered (`DECISION_NOT_OFFERED`),
 *    come from someone `separateFrom` does not exclude (`SEPARATION_OF_DUTIES`) and who is a
 *    candidate (`FORBIDDEN`); timer events come from no user and skip these checks;
 * 4. an event restricted with `by` must come from one of those users (`FORBIDDEN`);
 * 5. a declared event payload must validate (`BAD_INPUT` naming the field);
 * 6. under `approval …`, a vote that does not settle the task is recorded and the state kept;
 * 7. a transition for the event must be enabled (`EVENT_NOT_ACCEPTED` names the state and event).
 * The checks live here so that every path (API, timer worker, admin tools) goes through them.
 * Nothing is returned but the result: the caller stores the snapshot and runs the effects.
 */
export function step(
  ir: FlowIR,
  snapshot: PersistedSnapshot,
  event: EngineEvent,
  ctx: EngineContext,
): StepResult {
  const now = assertContext(ctx);
  const flow = boundFlow(ir);
  const current = restoreSnapshot(flow.machine, snapshot);
  const state = current.value;
  if (current.status === 'done') return EngineErrors.instanceDone(state);
  if (!flow.events.has(event.type)) return EngineErrors.unknownEvent(event.type, flow.ir.key, flow.ir.events);

  if (event.type === DELEGATE || event.type === RETURN)
    return delegationStep(flow, ctx, current, state, event);
  if (event.type === ADD_SIGNER) return addSignerStep(flow, ctx, current, state, event);
  const checked = checkDecision(flow, state, current.context, event, new StepEnv(flow.ir, ctx, event, now));
  if ('ok' in checked) return checked;
  const sender = checkSender(flow, state, current.context, event, new StepEnv(flow.ir, ctx, event, now));
  if (!Array.isArray(sender)) return sender;
  checked.checks.push(...sender);
  const valid = checkPayload(flow, state, event);
  if ('ok' in valid) return valid;
  const env = new StepEnv(flow.ir, ctx, valid, now);
  const timer = flow.states.get(state)?.timers.find((t) => t.event === event.type && t.action);
  if (timer) return timerActionStep(flow, env, current, state, timer);
  const task = flow.states.get(state)?.task;
  const signed =
    task && checked.decides !== null && ctx.actor !== null
      ? cosign(task, env, current.context, ctx.actor)
      : null;
  if (signed && !signed.ok) return EngineErrors.evaluationFailed(state, event.type, signed.message);
  if (signed) {
    const { context, effect, check } = signed.value;
    return stayStep(flow, current, state, event.type, context, [effect], [...checked.checks, check]);
  }
  if (checked.decides !== null && task?.approval && ctx.actor !== null) {
    const tally = tallyVote(task, task.approval, env, current.context, ctx.actor);
    if ('ok' in tally) return tally;
    checked.checks.push(tally.check);
    if (tally.k === 'stay')
      return stayStep(flow, current, state, event.type, tally.context, [], checked.checks);
  }

  const ran = guardLoops<Transitioned>(
    () => {
      const [next, actions] = transition(flow.machine, current, { type: event.type, [ENV_KEY]: env });
      return {
        from: state,
        next,
        actions,
        decided: checked.decides !== null && env.eventTaken,
        checks: checked.checks,
      };
    },
    (message) => EngineErrors.evaluationFailed(state, event.type, message),
  );
  if (!('next' in ran)) return ran;
  if (env.failure === null && !env.eventTaken) {
    const refused = env.guards
      .filter((g) => g.event === event.type && g.guard !== undefined)
      .map((g) => `${g.guard} is false`);
    return EngineErrors.notAccepted(state, event.type, refused);
  }
  return finishStep(flow, env, ran);
}
