import type { TransitionDecl } from '../ast/flow';
import type { Check } from './context';
import { reachable } from './flow-graph';

interface Edge {
  from: string;
  to: string;
  transition: TransitionDecl;
}

/**
 * `always` transitions that lead in a circle with no `set` along it change nothing, so once the circle is
 * entered it is taken forever. An error when no transition on it is guarded; a warning when guards might
 * keep it from closing.
 */
export const checkAlwaysCycles: Check = (ctx) => {
  const edges: Edge[] = [];
  for (const state of ctx.flow.states) {
    for (const transition of state.transitions) {
      const progress = transition.actions.some((a) => a.k === 'set');
      if (transition.kind === 'always' && !progress && ctx.scope.states.has(transition.target.name)) {
        edges.push({ from: state.name.name, to: transition.target.name, transition });
      }
    }
  }
  const graph = (list: Edge[]): Map<string, string[]> => {
    const g = new Map<string, string[]>();
    for (const e of list) g.set(e.from, [...(g.get(e.from) ?? []), e.to]);
    return g;
  };
  const all = graph(edges);
  const unguarded = graph(edges.filter((e) => !e.transition.guard));
  const reported = new Set<string>();
  for (const edge of edges) {
    if (reported.has(edge.from) || !reachable([edge.to], all).has(edge.from)) continue;
    const cycle = [...reachable([edge.from], all)].filter((s) => reachable([s], all).has(edge.from));
    cycle.forEach((s) => reported.add(s));
    const certain = cycle.some((s) => (unguarded.get(s) ?? []).some((t) => reachable([t], unguarded).has(s)));
    const message = `The \`always\` transitions through ${cycle.join(' → ')} form a loop that changes nothing`;
    const hint = 'wait for an event in one of these states, or `set` something the guards read';
    if (certain)
      ctx.report.error(edge.transition.keyword, 'flow/always-cycle', `${message}: it never ends`, hint);
    else
      ctx.report.warning(
        edge.transition.keyword,
        'flow/always-cycle',
        `${message}: it never ends if its guards hold`,
        hint,
      );
  }
};
