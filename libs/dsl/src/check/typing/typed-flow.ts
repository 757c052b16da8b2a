import type { CellExpr, Expr, Ident } from '../../ast/expr';
import type { FieldDecl, TableDecl } from '../../ast/flow';
import type { CellIR, ExprIR, FieldIR, HitPolicy, TypeIR } from '../../ir/flow-ir';

/** A table's checked signature. */
export interface TypedTable {
  inputs: FieldIR[];
  outputs: FieldIR[];
  hit: HitPolicy;
  aggregate?: 'sum' | 'min' | 'max' | 'count';
  /** The type of an invocation: the single output, a record of the outputs, or what `collect` folds to. */
  result: TypeIR;
}

/**
 * The typer's results, keyed by AST node. An expression is present only when it typed without error,
 * so a flow with no error diagnostics has every expression here (the compiler relies on it).
 */
export interface TypedFlow {
  exprs: Map<Expr, ExprIR>;
  cells: Map<CellExpr, CellIR>;
  /** Types of input fields and of event payload fields. */
  inputs: Map<FieldDecl, TypeIR>;
  /** Constant values (already literal), by name. */
  constants: Map<string, ExprIR>;
  tables: Map<TableDecl, TypedTable>;
  /** The type of each `set` variable. */
  vars: Map<string, TypeIR>;
  /** Every role the flow names (`role(x)`, `assignee role(…)`, `start by role(…)`). */
  roleRefs: Ident[];
}
