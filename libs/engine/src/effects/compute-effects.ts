import type { BoundFlow } from '../binding/bound-flow';
import type { StepEnv } from '../binding/step-env';
import { isTimerEvent } from '../checks/check-decision';
import type { Resolved } from '../checks/task-people';
import type { ActiveTimer, InstanceContext } from '../instance-context';
import type { Effect } from '../types';
import { notifyEffects, type PendingNotify } from './notify-effects';
import { closeTaskEffect, openTaskEffect } from './task-effects';
import { cancelTimer, scheduleTimer } from './timer-effects';
import { timersOnEntry } from '../escalation/timer-actions';

export interface StateChange {
  /** The state before the step; null when starting. */
  from: string | null;
  /** The state at the end of the macrostep. */
  to: string;
  /** The context after the transition (its `openTask` and `timers` are still those before the step). */
  context: InstanceContext;
  /** Whether this event decided the open task. */
  decided: boolean;
  notifications: PendingNotify[];
}

/**
 * The effects of one macrostep, derived from where it started and where it ended (eventless chains
 * such as `routing → approved` yield effects only for the state they end in):
 * - the open task closes when its state is left (`CANCELLED`) or when this event decided it (`DONE`);
 * - the end state's task opens when the state is entered, or re-entered after a decision;
 * - timers of a left state are cancelled (except the one that fired), the end state's timers are
 *   scheduled on entry, and a timer that fired while its state stays active is re-armed;
 * - `notify` actions become notify effects.
 * Returns the effects and the context with `openTask` and `timers` brought up to date.
 */
export function computeEffects(
  flow: BoundFlow,
  env: StepEnv,
  change: StateChange,
): Resolved<{ effects: Effect[]; context: InstanceContext }> {
  const { from, to, context, decided } = change;
  const entered = from === null || from !== to;
  const target = flow.states.get(to)!;
  const effects: Effect[] = [];
  let openTask = context.openTask;
  let closedTaskId: string | null = null;

  if (openTask && (entered || decided)) {
    effects.push(closeTaskEffect(openTask, from ?? to, env, decided));
    closedTaskId = openTask.id;
    openTask = null;
  }

  const eventType = env.event?.type;
  const fired =
    eventType !== undefined && isTimerEvent(eventType)
      ? context.timers.find((t) => t.event === eventType)
      : undefined;
  let timers: ActiveTimer[] = context.timers.filter((t) => t !== fired);
  if (entered) {
    for (const t of timers) effects.push(cancelTimer(t));
    timers = [];
  }

  if (target.task && (entered || decided)) {
    const opened = openTaskEffect(target, env, context);
    if (!opened.ok) return opened;
    effects.push(opened.value);
    openTask = { id: opened.value.taskId, name: opened.value.name, dueAt: opened.value.dueAt };
  }

  const toSchedule = entered
    ? timersOnEntry(target)
    : target.timers.filter((t) => fired && t.event === fired.event && !t.action);
  for (const timer of toSchedule) {
    const scheduled = scheduleTimer(to, timer, env);
    if (!scheduled.ok) return scheduled;
    effects.push(scheduled.value[0]);
    timers.push(scheduled.value[1]);
  }

  let ref = closedTaskId ?? openTask?.id ?? null;
  const notified = notifyEffects(change.notifications, env, () => (ref ??= env.ctx.newId()));
  if (!notified.ok) return notified;
  effects.push(...notified.value);

  // An escalation belongs to the task it moved: a new task (or none) starts again at level 0.
  // Kept only while set, so contexts of flows without escalation stay as they were.
  const { escalation, votes, ...rest } = context;
  const kept = {
    ...(escalation && escalation.taskId === openTask?.id ? { escalation } : {}),
    ...(votes && votes.taskId === openTask?.id ? { votes } : {}),
  };
  return { ok: true, value: { effects, context: { ...rest, openTask, timers, ...kept } } };
}
