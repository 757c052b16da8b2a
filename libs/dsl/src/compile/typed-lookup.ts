import type { CellExpr, Expr } from '../ast/expr';
import type { CellIR, ExprIR } from '../ir/flow-ir';
import type { TypedFlow } from '../check/typing/typed-flow';

/**
 * The typed form of an expression. The compiler only runs on flows without errors, and the typer records
 * every expression that typed cleanly, so a miss here is a bug in the compiler, not in the flow.
 */
export function typedExpr(typed: TypedFlow, expr: Expr): ExprIR {
  const ir = typed.exprs.get(expr);
  if (!ir)
    throw new Error(
      `compiler bug: no type for the ${expr.k} expression at ${expr.span.line}:${expr.span.column}`,
    );
  return ir;
}

export function typedCell(typed: TypedFlow, cell: CellExpr): CellIR {
  const ir = typed.cells.get(cell);
  if (!ir)
    throw new Error(`compiler bug: no type for the table cell at ${cell.span.line}:${cell.span.column}`);
  return ir;
}
