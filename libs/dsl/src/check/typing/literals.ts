import type { Expr } from '../../ast/expr';
import type { ExprIR, Json, TypeIR } from '../../ir/flow-ir';
import { T } from '../types';

export const lit = (type: TypeIR, value: Json): ExprIR => ({ k: 'lit', type, value });

/** Drops leading zeros of the integer part (`007.50` → `7.50`); the scale is kept, it is meaningful for money. */
export function canonicalDecimal(text: string): string {
  const [whole, fraction] = text.split('.');
  const trimmed = whole.replace(/^0+(?=[0-9])/, '');
  return fraction === undefined ? trimmed : `${trimmed}.${fraction}`;
}

export type LiteralExpr = Extract<
  Expr,
  { k: 'int' | 'decimal' | 'percent' | 'money' | 'duration' | 'string' | 'bool' | 'null' }
>;

export function isLiteralExpr(e: Expr): e is LiteralExpr {
  return ['int', 'decimal', 'percent', 'money', 'duration', 'string', 'bool', 'null'].includes(e.k);
}

/** The typed literal of a literal node (lang-conventions "Literals and their canonical JSON"). */
export function literalIR(e: LiteralExpr): ExprIR | { tooLarge: true } {
  switch (e.k) {
    case 'int': {
      const n = Number(e.value);
      return Number.isSafeInteger(n) ? lit(T.int, n) : { tooLarge: true };
    }
    case 'decimal':
      return lit(T.decimal, canonicalDecimal(e.value));
    case 'percent':
      return lit(T.percent, `${canonicalDecimal(e.value)}%`);
    case 'money':
      return lit(T.money(e.currency), canonicalDecimal(e.amount));
    case 'duration':
      return lit(T.duration, e.value.replace(/^0+(?=[0-9])/, ''));
    case 'string':
      return lit(T.string, e.value);
    case 'bool':
      return lit(T.bool, e.value);
    case 'null':
      return lit(T.null, null);
  }
}

/** `-x` of a numeric literal, folded into the literal (so constants and table cells stay literal). */
export function negateLiteral(ir: Extract<ExprIR, { k: 'lit' }>): ExprIR | undefined {
  const { type, value } = ir;
  if (type.kind === 'int' && typeof value === 'number') return lit(type, value === 0 ? 0 : -value);
  if (
    (type.kind === 'decimal' || type.kind === 'percent' || type.kind === 'money') &&
    typeof value === 'string'
  ) {
    return lit(type, value.startsWith('-') ? value.slice(1) : `-${value}`);
  }
  return undefined;
}

/** A literal's value as a flow would write it, for messages: `2.5%`, `50000 CNY`, `"text"`, `mortgage`. */
export function showValue(type: TypeIR, value: Json): string {
  // Literal values are scalars; anything else is shown as JSON.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (type.kind === 'money') return `${text} ${type.currency}`;
  if (type.kind === 'string') return JSON.stringify(value);
  if (type.kind === 'user') return `user(${JSON.stringify(value)})`;
  if (type.kind === 'role' || type.kind === 'team') return `${type.kind}(${text})`;
  return text;
}

/** The source text of a bare number literal (`5`, `-2.5`), for hints such as "write `5%`"; else undefined. */
export function numberText(e: Expr): string | undefined {
  if (e.k === 'int' || e.k === 'decimal') return e.text;
  if (e.k === 'unary' && e.op === 'neg' && (e.arg.k === 'int' || e.arg.k === 'decimal'))
    return `-${e.arg.text}`;
  return undefined;
}

/** True for a literal, or a list of literals: what a constant may hold. */
export function isLiteralIR(ir: ExprIR): boolean {
  return ir.k === 'lit' || (ir.k === 'list' && ir.items.every(isLiteralIR));
}

/** The JSON value of a literal IR (see `isLiteralIR`). */
export function literalValue(ir: ExprIR): Json {
  if (ir.k === 'lit') return ir.value;
  if (ir.k === 'list') return ir.items.map(literalValue);
  throw new Error(`literalValue: not a literal (${ir.k})`);
}
