import type { Expr } from '../ast/expr';
import type { ExprIR } from '../ir/flow-ir';
import type { Check } from './context';
import { didYouMean } from './suggest';
import { allExprs } from './walk';

/**
 * Events used but never offered: `decision.<task>.decision == "aprove"` (or `!=`, `in [...]`) compares
 * with an event the task never offers (its decisions are its state's `on` events without `by`), so the
 * guard can never be true (or is always true). Reported where the string is written, with a near miss.
 */
export const checkDecisionValues: Check = (ctx) => {
  const offered = new Map<string, string[]>();
  for (const state of ctx.flow.states) {
    if (state.tasks.length === 0) continue;
    const events = state.transitions.flatMap((t) =>
      t.kind === 'on' && t.event && !t.by ? [t.event.name] : [],
    );
    offered.set(state.name.name, [...new Set(events)]);
  }
  for (const e of allExprs(ctx.flow)) {
    if (e.k !== 'binary' || (e.op !== '==' && e.op !== '!=' && e.op !== 'in')) continue;
    const task = decisionTask(ctx.typed.exprs.get(e.left));
    const decisions = task === null ? undefined : offered.get(task);
    if (!decisions) continue;
    for (const s of strings(e.right)) {
      if (decisions.includes(s.value)) continue;
      ctx.report.warning(
        s.span,
        'flow/decision-never-offered',
        `The task "${task}" never offers "${s.value}"${didYouMean(s.value, decisions)}`,
        `its decisions are ${decisions.join(', ')}`,
      );
    }
  }
};

function decisionTask(ir: ExprIR | undefined): string | null {
  if (ir?.k !== 'ref' || ir.path.length !== 3 || ir.path[0] !== 'decision' || ir.path[2] !== 'decision')
    return null;
  return ir.path[1];
}

function strings(e: Expr): Extract<Expr, { k: 'string' }>[] {
  if (e.k === 'string') return [e];
  if (e.k === 'list') return e.items.flatMap((i) => (i.k === 'string' ? [i] : []));
  return [];
}
