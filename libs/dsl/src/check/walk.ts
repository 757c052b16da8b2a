import { childExprs } from '../ast/child-exprs';
import type { CellExpr, Expr } from '../ast/expr';
import type { AssigneeDecl, FlowDecl } from '../ast/flow';

function cellExprs(cell: CellExpr): Expr[] {
  switch (cell.k) {
    case 'eq':
    case 'cmp':
      return [cell.value];
    case 'range':
      return [cell.lo, cell.hi];
    case 'in':
      return cell.values;
    default:
      return [];
  }
}

/** The expressions of an assignee form (`role(…)` has none). */
export function assigneeExprs(a: AssigneeDecl): Expr[] {
  switch (a.k) {
    case 'role':
      return [];
    case 'user':
      return [a.user];
    case 'team':
      return [a.team];
    case 'superior':
      return [a.of];
    case 'users':
      return a.users;
  }
}

// Several checks walk every expression; the walk is done once per flow (the AST is not changed by checks).
const walked = new WeakMap<FlowDecl, readonly Expr[]>();

/** Every expression written in the flow, outermost first (constants, key, table cells, guards, actions, tasks). */
export function allExprs(flow: FlowDecl): readonly Expr[] {
  let out = walked.get(flow);
  if (!out) {
    out = walk(flow);
    walked.set(flow, out);
  }
  return out;
}

function walk(flow: FlowDecl): Expr[] {
  const roots: Expr[] = [...flow.consts.map((c) => c.value), ...flow.keys.map((k) => k.value)];
  for (const table of flow.tables) {
    for (const row of table.rows) roots.push(...row.cells.flatMap(cellExprs), ...row.outputs);
  }
  for (const state of flow.states) {
    for (const t of state.transitions) {
      if (t.after) roots.push(t.after);
      if (t.at) roots.push(t.at);
      if (t.guard) roots.push(t.guard);
      for (const a of t.actions) if (a.k !== 'void') roots.push(a.k === 'set' ? a.value : a.to);
      const by = t.by;
      if (by) roots.push(...assigneeExprs(by));
    }
    for (const timer of state.timerActions) {
      roots.push(timer.after);
      const a = timer.to;
      if (a) roots.push(...assigneeExprs(a));
      for (const x of timer.actions) if (x.k !== 'void') roots.push(x.k === 'set' ? x.value : x.to);
    }
    for (const task of state.tasks) {
      const a = task.assignee;
      if (a) roots.push(...assigneeExprs(a));
      roots.push(...task.separateFrom);
      if (task.sla) roots.push(task.sla);
    }
  }
  const out: Expr[] = [];
  // Pre-order, recursively: depth is bounded by the parser's nesting limit, and no array is copied per node.
  const visit = (e: Expr): void => {
    out.push(e);
    for (const child of childExprs(e)) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}
