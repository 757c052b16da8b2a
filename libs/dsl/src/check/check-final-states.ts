import type { Check } from './context';

/** A final state ends the instance: nothing leaves it and no task waits in it. The flow has at least one. */
export const checkFinalStates: Check = (ctx) => {
  for (const state of ctx.flow.states) {
    if (!state.final) continue;
    for (const transition of state.transitions) {
      ctx.report.error(
        transition.keyword,
        'flow/transition-out-of-final',
        `The final state "${state.name.name}" cannot have transitions`,
        `remove \`final\` if the flow goes on from "${state.name.name}"`,
      );
    }
    for (const task of state.tasks) {
      ctx.report.error(
        task.keyword,
        'task/in-final-state',
        `The final state "${state.name.name}" cannot hold a task`,
        'put the task in a state before it',
      );
    }
  }
  if (!ctx.incomplete && ctx.flow.states.length > 0 && !ctx.flow.states.some((s) => s.final)) {
    ctx.report.error(
      ctx.flow.key.span,
      'flow/no-final-state',
      `The flow "${ctx.flow.key.name}" has no final state`,
      'declare where it ends, e.g. `final state approved`',
    );
  }
};
