import type { Expr } from '../../ast/expr';
import type { ExprIR } from '../../ir/flow-ir';
import { T, typeName } from '../types';
import type { ExprTyper } from './type-expr';

/**
 * The instant of `at <expr> -> t`: a timestamp, evaluated when the state is entered (it may read
 * `now`, `input`, `var`, `decision`). A duration is the usual slip — `at 24h` means `after 24h` or
 * `at var.x + 24h` — so it gets a hint of its own.
 */
export function typeInstant(typer: ExprTyper, expr: Expr): ExprIR | null {
  const ir = typer.type(expr, 'flow', T.timestamp);
  if (!ir || ir.type.kind === 'timestamp') return ir;
  const hint =
    ir.type.kind === 'duration'
      ? '`at` takes an instant: write `after <duration> -> …` for a delay from entering the state, or `at var.start + <duration>`'
      : 'e.g. `at var.holdUntil -> expired` with `set holdUntil = now + 24h` in an earlier transition';
  typer.report.error(
    expr.span,
    'type/mismatch',
    `The instant of \`at\` must be a timestamp, not ${typeName(ir.type)}`,
    hint,
  );
  typer.exprs.delete(expr);
  return null;
}
