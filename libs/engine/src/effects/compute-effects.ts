import type { BoundFlow } from '../binding/bound-flow';
import type { StepEnv } from '../binding/step-env';
import { isTimerEvent } from '../checks/check-decision';
import type { Resolved } from '../checks/task-people';
import type { ActiveTimer, InstanceContext } from '../instance-context';
import type { Effect } from '../types';
import { notifyEffects, type PendingNotify } from './notify-effects';
import { closeTaskEffect, openTaskEffect } from './task-effects';
import { cancelTimer, scheduleTimer, timerDue } from './timer-effects';
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
 *   scheduled on entry (an `at` timer at its instant, evaluated on the context after the transition),
 *   a timer that fired while its state stays active is re-armed (an `at` timer only for a later
 *   instant), and a task decided and re-opened in the same state restarts its escalation/reminders;
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
  let votesOpened: InstanceContext['votes'] = null;

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
  // A task decided and opened again in the same state (a self-transition) starts afresh: the timers
  // that act on it (its escalation ladder, reminders) restart from the first rung. The state was not
  // left, so its timers that leave it keep running.
  const reopened = !entered && decided && target.task !== undefined;
  const restarted = (t: ActiveTimer): boolean =>
    entered || (reopened && target.timers.some((x) => x.event === t.event && x.action));
  for (const t of timers) if (restarted(t)) effects.push(cancelTimer(t));
  timers = timers.filter((t) => !restarted(t));

  if (target.task && (entered || decided)) {
    const opened = openTaskEffect(target, env, context);
    if (!opened.ok) return opened;
    effects.push(opened.value);
    openTask = { id: opened.value.taskId, name: opened.value.name, dueAt: opened.value.dueAt };
    // A parallel approval's voters are fixed when its task opens (role and team members may change later).
    const voters = target.task.approval ? opened.value.candidateUsers : undefined;
    if (voters) votesOpened = { taskId: opened.value.taskId, ballots: {}, voters };
  }

  const rearmed = target.timers.filter((t) => fired && t.event === fired.event && !t.action);
  const toSchedule = entered
    ? timersOnEntry(target)
    : [...(reopened ? timersOnEntry(target).filter((t) => t.action) : []), ...rearmed];
  for (const timer of toSchedule) {
    // An `at` timer that fired re-arms only for a later instant (else it would fire again at once).
    if (!entered && timer.at && rearmed.includes(timer)) {
      const due = timerDue(timer, env, context);
      if (!due.ok) return due;
      if (due.value <= env.now) continue;
    }
    const scheduled = scheduleTimer(to, timer, env, context);
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
  const { escalation, votes: votesBefore, ...rest } = context;
  const votes = votesOpened ?? votesBefore;
  const kept = {
    ...(escalation && escalation.taskId === openTask?.id ? { escalation } : {}),
    ...(votes && votes.taskId === openTask?.id ? { votes } : {}),
  };
  return { ok: true, value: { effects, context: { ...rest, openTask, timers, ...kept } } };
}
