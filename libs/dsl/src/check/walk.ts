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

/** Every expression written in the flow, outermost first (constants, key, table cells, guards, actions, tasks). */
export function allExprs(flow: FlowDecl): Expr[] {
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
  const stack = roots.reverse();
  while (stack.length > 0) {
    const e = stack.pop() as Expr;
    out.push(e);
    stack.push(...childExprs(e).reverse());
  }
  return out;
}
