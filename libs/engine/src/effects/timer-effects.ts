import { evaluate, exprText, formatTimestamp, type TimerIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import type { ActiveTimer, InstanceContext } from '../instance-context';
import type { CancelTimerEffect, ScheduleTimerEffect } from '../types';
import type { Resolved } from '../checks/task-people';
import { dueAt } from './clock';

/**
 * Schedules a state's timer with a fresh id: an `after` timer is due at now + its duration (working
 * days on the caller's calendar); an `at` timer at the instant its expression gives on `context` (the
 * context the state is entered with), which may already have passed: the timer is then due at once.
 * The effect's `after` is the duration as written, or `at <expression>`.
 */
export function scheduleTimer(
  state: string,
  timer: TimerIR,
  env: StepEnv,
  context?: InstanceContext,
): Resolved<[ScheduleTimerEffect, ActiveTimer]> {
  const due = timerDue(timer, env, context);
  if (!due.ok) return due;
  const id = env.ctx.newId();
  const after = timer.after ?? `at ${timer.atText ?? (timer.at ? exprText(timer.at) : '?')}`;
  return {
    ok: true,
    value: [
      { type: 'scheduleTimer', timerId: id, event: timer.event, state, dueAt: due.value, after },
      { id, event: timer.event, state, dueAt: due.value },
    ],
  };
}

/** When `timer` is due if it is armed now: now + its duration, or its `at` instant on `context`. */
export function timerDue(timer: TimerIR, env: StepEnv, context?: InstanceContext): Resolved<string> {
  return timer.at ? instant(timer, env, context) : afterDelay(timer, env);
}

function afterDelay(timer: TimerIR, env: StepEnv): Resolved<string> {
  const due = timer.after === undefined ? undefined : dueAt(env.now, timer.after, env.ctx.calendar);
  if (due === undefined)
    return { ok: false, message: `timer ${timer.event}: "${String(timer.after)}" is not a duration` };
  return { ok: true, value: due };
}

function instant(timer: TimerIR, env: StepEnv, context: InstanceContext | undefined): Resolved<string> {
  const text = timer.atText ?? exprText(timer.at!);
  if (!context)
    return { ok: false, message: `timer ${timer.event}: \`at ${text}\` needs the instance context` };
  const r = evaluate(timer.at!, env.evalEnv(context));
  if (!r.ok) return { ok: false, message: `timer ${timer.event}: \`at ${text}\`: ${r.error.message}` };
  if (typeof r.value !== 'number' || !Number.isFinite(r.value))
    return { ok: false, message: `timer ${timer.event}: \`at ${text}\` has no instant (it is null)` };
  return { ok: true, value: formatTimestamp(r.value) };
}

export function cancelTimer(timer: ActiveTimer): CancelTimerEffect {
  return { type: 'cancelTimer', timerId: timer.id, event: timer.event, state: timer.state };
}
