import type { StateIR, TimerIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import { currentAssignment, excludedUsers, type Resolved } from '../checks/task-people';
import { dueAt } from '../effects/clock';
import { scheduleTimer } from '../effects/timer-effects';
import type { ActiveTimer, InstanceContext } from '../instance-context';
import type { CheckTrace, Effect } from '../types';
import { escalationTarget } from './escalation-target';
import { runTimerDoActions } from './timer-do-actions';

export interface TimerActionResult {
  effects: Effect[];
  context: InstanceContext;
  checks: CheckTrace[];
}

/** The escalation timers of a state, in source order: the rungs of its ladder. */
export function escalationTimers(state: StateIR): TimerIR[] {
  return state.timers.filter((t) => t.action?.k === 'escalate');
}

/** The timers scheduled when a state is entered: all but the escalations after the first. */
export function timersOnEntry(state: StateIR): TimerIR[] {
  const [first] = escalationTimers(state);
  return state.timers.filter((t) => t.action?.k !== 'escalate' || t === first);
}

/**
 * Runs a timer that keeps its state (`fired` is its active record, already removed from `timers`):
 * - `remind`: a `task.reminder` notification to whoever may decide the open task now (a user, or
 *   `role:<r>` / `team:<t>` as the outbox addresses groups); fires once.
 * - `escalate`: the open task moves up one level: a `reassignTask` effect (reason `escalation`) with the
 *   new deciders, the exclusions evaluated now and the SLA restarted from now; the level is kept in the
 *   context, and the next rung's timer is scheduled (the last rung repeats when it is `superior(…)`).
 *   The old and new deciders are notified by whoever applies the effect (its contract), not here.
 *   When nobody is left to escalate to, nothing changes and the ladder ends (traced).
 * Then the timer's `do` actions run (`set`, `notify`), except when the ladder ended unchanged.
 */
export function runTimerAction(
  state: StateIR,
  timer: TimerIR,
  fired: ActiveTimer,
  timers: ActiveTimer[],
  env: StepEnv,
  context: InstanceContext,
): Resolved<TimerActionResult> {
  const task = state.task;
  const open = context.openTask;
  if (!task || !open) return { ok: false, message: `${timer.event}: state ${state.name} has no open task` };
  const now = currentAssignment(task, env, context);
  if (!now.ok) return now;
  if (timer.action?.k !== 'escalate') {
    const to = now.value.user !== null ? [now.value.user] : deciderGroups(now.value.roles, now.value.team);
    const effects: Effect[] = to.map((user) => ({
      type: 'notify',
      to: user,
      template: 'task.reminder',
      key: `${timer.event}:${open.id}:${fired.id}:${user}`,
    }));
    return withDoActions(state, timer, fired, env, { effects, context: { ...context, timers }, checks: [] });
  }

  const clause = state.timers.indexOf(timer);
  const excluded = excludedUsers(task, env, context);
  if (!excluded.ok) return excluded;
  const target = escalationTarget(task, timer.action.to, clause, excluded.value, env, context);
  if (!target.ok) return target;
  if (target.value === null) {
    const detail = `${timer.event}: nobody to escalate ${task.name} to; it stays with its current deciders`;
    return {
      ok: true,
      value: {
        effects: [],
        context: { ...context, timers },
        checks: [{ check: 'assignee', passed: false, detail }],
      },
    };
  }
  const esc = context.escalation?.taskId === open.id ? context.escalation : null;
  const level = (esc?.level ?? 0) + 1;
  const due = task.sla === undefined ? null : (dueAt(env.now, task.sla, env.ctx.calendar) ?? null);
  const { user, roles, team } = target.value;
  const effects: Effect[] = [
    {
      type: 'reassignTask',
      taskId: open.id,
      name: task.name,
      state: state.name,
      reason: 'escalation',
      level,
      previousAssignee: now.value.user,
      assignee: user,
      candidateRoles: roles,
      candidateTeam: team,
      excludedUsers: excluded.value,
      dueAt: due,
    },
  ];
  const ladder = escalationTimers(state);
  const next = ladder[ladder.indexOf(timer) + 1] ?? (timer.action.to.k === 'superior' ? timer : undefined);
  const nextTimers = [...timers];
  if (next) {
    const scheduled = scheduleTimer(state.name, next, env);
    if (!scheduled.ok) return scheduled;
    effects.push(scheduled.value[0]);
    nextTimers.push(scheduled.value[1]);
  }
  const detail = `${timer.event}: ${task.name} escalated to level ${level} (${describe(user, roles, team)})`;
  return withDoActions(state, timer, fired, env, {
    effects,
    context: {
      ...context,
      openTask: { ...open, dueAt: due },
      timers: nextTimers,
      escalation: { taskId: open.id, level, clause, user, roles, team },
    },
    checks: [{ check: 'assignee', passed: true, detail }],
  });
}

/** Runs the timer's `do` actions after what it did to the task (not when the ladder ended unchanged). */
function withDoActions(
  state: StateIR,
  timer: TimerIR,
  fired: ActiveTimer,
  env: StepEnv,
  done: TimerActionResult,
): Resolved<TimerActionResult> {
  const taskId = done.context.openTask?.id ?? fired.id;
  const ran = runTimerDoActions(state.name, timer, fired.id, taskId, env, done.context);
  if (!ran.ok) return ran;
  return {
    ok: true,
    value: { ...done, effects: [...done.effects, ...ran.value.effects], context: ran.value.context },
  };
}

function deciderGroups(roles: string[], team: string | null): string[] {
  return [...roles.map((r) => `role:${r}`), ...(team !== null ? [`team:${team}`] : [])];
}

function describe(user: string | null, roles: string[], team: string | null): string {
  if (user !== null) return user;
  return team !== null ? `team ${team}` : `role ${roles.join(', ')}`;
}
