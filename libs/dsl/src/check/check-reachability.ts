import type { Check } from './context';
import { initialState, predecessors, reachable, successors } from './flow-graph';

/**
 * Every state is reachable from the initial state (`flow/unreachable-state`), and every reachable state
 * that is not final can still reach a final state (`flow/dead-end`: an instance there would wait forever).
 */
export const checkReachability: Check = (ctx) => {
  const initial = initialState(ctx.scope);
  if (ctx.incomplete || !initial) return;
  const next = successors(ctx.scope);
  const live = reachable([initial], next);
  const finals = ctx.flow.states.filter((s) => s.final).map((s) => s.name.name);
  const canFinish = reachable(finals, predecessors(next));
  for (const [name, state] of ctx.scope.states) {
    if (!live.has(name)) {
      ctx.report.error(
        state.name.span,
        'flow/unreachable-state',
        `The state "${name}" cannot be reached from the initial state "${initial}"`,
        'add a transition to it, or remove it',
      );
    } else if (!state.final && finals.length > 0 && !canFinish.has(name)) {
      ctx.report.error(
        state.name.span,
        'flow/dead-end',
        `No final state can be reached from "${name}": an instance there would wait forever`,
        'add a transition that leads on to a final state',
      );
    }
  }
};
