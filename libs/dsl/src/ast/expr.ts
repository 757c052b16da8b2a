import type { Span } from './span';

/** A name as written, with where it was written. */
export interface Ident {
  name: string;
  span: Span;
}

export type BinaryOpText =
  'and' | 'or' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | 'in';

/**
 * Expressions as parsed, before names are resolved or types checked. Names stay names here:
 * whether `x` is a constant, `requester`, an enum value or a mistake is the checker's business.
 */
export type Expr =
  /** An integer literal; `value` has its underscores removed (`50_000` → `"50000"`), `text` is as written. */
  | { k: 'int'; value: string; text: string; span: Span }
  /** A decimal literal (`1.25`). */
  | { k: 'decimal'; value: string; text: string; span: Span }
  /** A percent literal; `value` is the number without `%` (`2.5%` → `"2.5"`). */
  | { k: 'percent'; value: string; span: Span }
  /** A money literal (`50_000 CNY`): `amount` without underscores, the 3-letter currency code. */
  | { k: 'money'; amount: string; currency: string; span: Span }
  /** A duration literal in canonical form: `"24h"`, `"2 workdays"`. */
  | { k: 'duration'; value: string; span: Span }
  | { k: 'string'; value: string; span: Span }
  | { k: 'bool'; value: boolean; span: Span }
  | { k: 'null'; span: Span }
  | { k: 'name'; name: string; span: Span }
  | { k: 'member'; object: Expr; field: Ident; span: Span }
  | { k: 'call'; callee: Ident; args: Expr[]; span: Span }
  | { k: 'unary'; op: 'not' | 'neg'; arg: Expr; span: Span }
  | { k: 'binary'; op: BinaryOpText; left: Expr; right: Expr; opSpan: Span; span: Span }
  | { k: 'if'; cond: Expr; then: Expr; else: Expr; span: Span }
  | { k: 'list'; items: Expr[]; span: Span }
  /**
   * A range, `[lo .. hi)`: `[`/`]` include the bound, `(`/`)` exclude it. It stands only on the right of
   * `in` (`x in [80% .. 101%)`) and as a decision-table cell; anywhere else the checker reports it.
   */
  | ({ k: 'range' } & RangeBounds)
  /** Stands in for an expression that failed to parse; the syntax error is already reported. */
  | { k: 'error'; span: Span };

/** The bounds of a range as written: `[lo .. hi]`, `[lo .. hi)`, `(lo .. hi]`, `(lo .. hi)`. */
export interface RangeBounds {
  lo: Expr;
  hi: Expr;
  loInclusive: boolean;
  hiInclusive: boolean;
  span: Span;
}

/** The cell of a decision table's input column. */
export type CellExpr =
  | { k: 'any'; span: Span }
  | { k: 'eq'; value: Expr; span: Span }
  | { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '!='; value: Expr; span: Span }
  | ({ k: 'range' } & RangeBounds)
  | { k: 'in'; values: Expr[]; span: Span }
  | { k: 'error'; span: Span };
