import type { CellExpr, Expr } from '../ast/expr';
import type { FlowDecl } from '../ast/flow';

/** The expressions directly inside `e`. */
export function childExprs(e: Expr): Expr[] {
  switch (e.k) {
    case 'member':
      return [e.object];
    case 'call':
      return e.args;
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'list':
      return e.items;
    default:
      return [];
  }
}

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

/** Every expression written in the flow, outermost first (constants, key, table cells, guards, actions, tasks). */
export function allExprs(flow: FlowDecl): Expr[] {
  const roots: Expr[] = [...flow.consts.map((c) => c.value), ...flow.keys.map((k) => k.value)];
  for (const table of flow.tables) {
    for (const row of table.rows) roots.push(...row.cells.flatMap(cellExprs), ...row.outputs);
  }
  for (const state of flow.states) {
    for (const t of state.transitions) {
      if (t.after) roots.push(t.after);
      if (t.guard) roots.push(t.guard);
      for (const a of t.actions) roots.push(a.k === 'set' ? a.value : a.to);
    }
    for (const task of state.tasks) {
      const a = task.assignee;
      if (a && a.k !== 'role') roots.push(a.k === 'user' ? a.user : a.k === 'team' ? a.team : a.of);
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
