import type { TimerIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import type { ActiveTimer } from '../instance-context';
import type { CancelTimerEffect, ScheduleTimerEffect } from '../types';
import type { Resolved } from '../checks/task-people';
import { dueAt } from './clock';

/** Schedules a state's `after` timer with a fresh id, due at now + its duration. */
export function scheduleTimer(
  state: string,
  timer: TimerIR,
  env: StepEnv,
): Resolved<[ScheduleTimerEffect, ActiveTimer]> {
  const due = dueAt(env.now, timer.after, env.ctx.calendar);
  if (due === undefined)
    return { ok: false, message: `timer ${timer.event}: "${timer.after}" is not a duration` };
  const id = env.ctx.newId();
  return {
    ok: true,
    value: [
      { type: 'scheduleTimer', timerId: id, event: timer.event, state, dueAt: due, after: timer.after },
      { id, event: timer.event, state, dueAt: due },
    ],
  };
}

export function cancelTimer(timer: ActiveTimer): CancelTimerEffect {
  return { type: 'cancelTimer', timerId: timer.id, event: timer.event, state: timer.state };
}
