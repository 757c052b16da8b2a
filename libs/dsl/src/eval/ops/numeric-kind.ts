import type { TypeIR } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import { asFraction, fromFraction } from '../../values/percent';
import type { Value } from '../../values/value';

/** The numeric types; `int` runs on `number`, the others on `Decimal`. */
export type NumericKind = 'int' | 'decimal' | 'money' | 'percent';

export function numericKind(t: TypeIR): NumericKind | undefined {
  switch (t.kind) {
    case 'int':
    case 'decimal':
    case 'money':
    case 'percent':
      return t.kind;
    default:
      return undefined;
  }
}

/**
 * The plain number a numeric value stands for, as a decimal: ints widen, and a percentage becomes its
 * fraction (`2%` → 0.02), so `money × percent` is a plain product. `undefined` when the value is not
 * numeric (a compiler bug, reported as a failure by callers).
 */
export function realValue(v: Value, kind: NumericKind): Decimal | undefined {
  if (kind === 'int') return typeof v === 'number' ? Decimal.fromInt(v) : undefined;
  if (!(v instanceof Decimal)) return undefined;
  return kind === 'percent' ? asFraction(v) : v;
}

/**
 * The run-time value of type `kind` for a plain number: a percentage back to its percent number, an
 * int to a `number` (`undefined` when not a whole safe integer).
 */
export function fromReal(d: Decimal, kind: NumericKind): Value | undefined {
  if (kind === 'percent') return fromFraction(d);
  if (kind !== 'int') return d;
  let coef = d.coef;
  for (let s = d.scale; s > 0; s--) {
    if (coef % 10n !== 0n) return undefined;
    coef /= 10n;
  }
  const n = Number(coef);
  return Number.isSafeInteger(n) ? n : undefined;
}
