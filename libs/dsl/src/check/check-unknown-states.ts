import type { Check } from './context';
import { didYouMean } from './suggest';

/** Every transition leads to a declared state. */
export const checkUnknownStates: Check = (ctx) => {
  const names = [...ctx.scope.states.keys()];
  for (const state of ctx.flow.states) {
    for (const transition of state.transitions) {
      const target = transition.target;
      if (ctx.scope.states.has(target.name)) continue;
      ctx.report.error(
        target.span,
        'flow/unknown-state',
        `Unknown state "${target.name}"${didYouMean(target.name, names)}`,
        `the states are ${names.join(', ')}`,
      );
    }
  }
};
