import type { Check } from './context';

/**
 * `after … escalate to …` and `after … remind` act on the open task of their state, so the state must
 * hold one (a final state never does); their `do` actions may `notify` and `set`, not `void`. `escalate to` the same fixed assignee twice in a row is a
 * mistake: the second level would hand the task to whoever already holds it.
 */
export const checkTimerActions: Check = (ctx) => {
  for (const state of ctx.flow.states) {
    const hasTask = state.tasks.length > 0 && !state.final;
    for (const timer of state.timerActions) {
      if (hasTask) continue;
      ctx.report.error(
        timer.keyword,
        'task/timer-without-task',
        `\`after … ${timer.kind}\` in "${state.name.name}" has no task to act on`,
        timer.kind === 'escalate'
          ? 'add a `task … assignee …` to the state, or write `after <duration> -> <state>` to leave it'
          : 'add a `task` to the state; a reminder goes to its assignee',
      );
    }
    for (const action of state.timerActions.flatMap((t) => t.actions)) {
      if (action.k !== 'void') continue;
      ctx.report.error(
        action.span,
        'task/timer-action-void',
        '`void` cannot run on a timer that keeps the state',
        'a timer that keeps the state may `notify` and `set`; void decisions where the task is returned',
      );
    }
    const escalations = state.timerActions.filter((t) => t.kind === 'escalate');
    for (let i = 1; i < escalations.length; i++) {
      const [a, b] = [escalations[i - 1].to, escalations[i].to];
      if (!a || !b || a.k !== 'role' || b.k !== 'role') continue;
      const same = a.roles.map((r) => r.name).join() === b.roles.map((r) => r.name).join();
      if (!same) continue;
      ctx.report.warning(
        escalations[i].keyword,
        'task/repeated-escalation',
        `This escalation hands the task to role(${b.roles.map((r) => r.name).join(', ')}) again`,
        'escalate to another role, or drop this level',
      );
    }
  }
};
