import type { Check } from './context';

/**
 * A task lives in a state (one per state), names who decides it, and is decided by the state's `on`
 * events. A human task without an `sla` is a warning: nobody would notice it stalling. A task whose
 * clauses a syntax error cut short is not reported as missing them again.
 */
export const checkTasks: Check = (ctx) => {
  for (const task of ctx.flow.strayTasks) {
    ctx.report.error(
      task.keyword,
      'task/outside-state',
      'A task belongs inside a state',
      'move it into the state that waits for it',
    );
  }
  for (const state of ctx.flow.states) {
    const [task, ...extra] = state.tasks;
    for (const t of extra) {
      ctx.report.error(
        t.keyword,
        'task/multiple-in-state',
        `The state "${state.name.name}" already has a task (line ${task.keyword.line})`,
        'a state holds one task; put the second one in a state of its own',
      );
    }
    if (!task || state.final) continue;
    if (!task.assignee && !task.cut) {
      ctx.report.error(
        task.keyword,
        'task/missing-assignee',
        'This task names no assignee',
        'add `assignee role(…)`, `user(…)`, `team(…)` or `superior(…)`',
      );
    }
    if (!state.transitions.some((t) => t.kind === 'on' && !t.by)) {
      ctx.report.error(
        task.keyword,
        'task/no-decisions',
        `The task of "${state.name.name}" cannot be decided: the state has no \`on\` transition`,
        "its decisions are the state's events, e.g. `on approve -> approved`",
      );
    }
    if (!task.sla && !task.cut) {
      ctx.report.warning(
        task.keyword,
        'task/missing-sla',
        `The task of "${state.name.name}" has no \`sla\``,
        'add e.g. `sla REVIEW_SLA` with `const REVIEW_SLA = 24h` at the top of the flow',
      );
    }
  }
};
