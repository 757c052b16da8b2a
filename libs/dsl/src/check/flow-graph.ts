import type { FlowScope } from './scope';
import { closestName } from './suggest';

/**
 * State name → the names of the declared states its transitions lead to. A misspelt target counts as
 * the state it was probably meant to be (it is reported once, by `check-unknown-states`, not again as an
 * unreachable state); a target with no near miss is left out.
 */
export function successors(scope: FlowScope): Map<string, string[]> {
  const names = [...scope.states.keys()];
  const next = new Map<string, string[]>();
  for (const [name, state] of scope.states) {
    const targets = state.transitions.map((t) =>
      scope.states.has(t.target.name) ? t.target.name : closestName(t.target.name, names),
    );
    next.set(
      name,
      targets.filter((t): t is string => t !== undefined),
    );
  }
  return next;
}

/** The same edges, backwards. */
export function predecessors(next: Map<string, string[]>): Map<string, string[]> {
  const back = new Map<string, string[]>([...next.keys()].map((k) => [k, []]));
  for (const [from, targets] of next) for (const to of targets) back.get(to)?.push(from);
  return back;
}

/** Every node reachable from `starts` (included) along `edges`. */
export function reachable(starts: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const next of edges.get(queue.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The initial state's name when exactly one state is marked `initial`. */
export function initialState(scope: FlowScope): string | undefined {
  const initials = scope.flow.states.filter((s) => s.initial);
  return initials.length === 1 ? initials[0].name.name : undefined;
}
