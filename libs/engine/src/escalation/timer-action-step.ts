import type { TimerIR } from '@signet/dsl';
import type { BoundFlow } from '../binding/bound-flow';
import type { FlowMachine } from '../binding/bind-machine';
import type { StepEnv } from '../binding/step-env';
import { EngineErrors } from '../engine-errors';
import { stayStep } from '../stay-step';
import type { StepResult } from '../types';
import { runTimerAction } from './timer-actions';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

/**
 * `step` for a timer that keeps its state (`escalate`, `remind`): no XState transition is taken; the
 * snapshot keeps its state value with the updated context. A timer that is not armed (cancelled or
 * already fired) is refused with `EVENT_NOT_ACCEPTED`, so a late delivery changes nothing.
 */
export function timerActionStep(
  flow: BoundFlow,
  env: StepEnv,
  current: MachineSnapshot,
  state: string,
  timer: TimerIR,
): StepResult {
  const context = current.context;
  const fired = context.timers.find((t) => t.event === timer.event && t.state === state);
  if (!fired) return EngineErrors.notAccepted(state, timer.event, [`timer ${timer.event} is not armed`]);
  const timers = context.timers.filter((t) => t !== fired);
  const ran = runTimerAction(flow.states.get(state)!, timer, fired, timers, env, context);
  if (!ran.ok) return EngineErrors.evaluationFailed(state, timer.event, ran.message);
  const { effects, checks } = ran.value;
  const result = stayStep(flow, current, state, timer.event, ran.value.context, effects, checks);
  // The `set` actions of the timer's `do`, as a transition's would be traced.
  return { ...result, trace: { ...result.trace, actions: env.actions } };
}
