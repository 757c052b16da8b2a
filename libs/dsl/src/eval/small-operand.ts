import type { ExprIR, Json } from '../ir/flow-ir';
import { Decimal } from '../values/decimal';
import { decodeValue, decoderFor } from '../values/json-codec';
import { scanSmallDecimal, SmallDecimal, toSmallDecimal } from '../values/small-decimal';
import type { Value } from '../values/value';
import { notA, refReader } from './compile-ref';
import { tableOperand } from './tables/compile-table-call';
import type { NumericKind } from './ops/numeric-kind';
import type { CompileChild, Outcome, Scope } from './scope';

/** Returned by an operand that left its value in its `SmallDecimal` instead of making a `Decimal`. */
export const IN_OUT: unique symbol = Symbol('in out');

/**
 * A numeric operand compiled for the Number fast path (`values/small-decimal.ts`): it returns its
 * value, or `IN_OUT` after writing the value's stored coefficient and scale (a percentage as its
 * percent number) to `out`. Evaluation order, trace reads and failures are those of the plain node.
 */
export type SmallOperand = (s: Scope, out: SmallDecimal) => Outcome | typeof IN_OUT;

/**
 * A reference to stored money, a decimal or a percentage, read straight into a double when its text
 * has at most 15 digits (no `bigint`, no `Decimal`); other JSON goes through the ordinary decoder, so
 * values, trace entries and failure messages are those of `compileRef`.
 */
function refOperand(e: Extract<ExprIR, { k: 'ref' }>, kind: NumericKind): SmallOperand | undefined {
  const ref = refReader(e);
  if (!ref || kind === 'int') return undefined;
  const { name, read } = ref;
  const decode = decoderFor(e.type);
  const percent = kind === 'percent';
  const decodeOther = (s: Scope, json: Json): Outcome => {
    const v = decode(json);
    return v === undefined ? notA(s, name, json, e.type) : v;
  };
  return (s, out) => {
    const json = read(s.env);
    s.env.trace?.read(name, json);
    if (typeof json === 'string') {
      const n = percent ? json.length - 1 : json.length;
      if ((!percent || json.charCodeAt(n) === 37) /* % */ && scanSmallDecimal(json, n, out)) return IN_OUT;
    }
    return decodeOther(s, json);
  };
}

/** A decimal literal whose coefficient is a safe integer: decoded once, written to `out` per use. */
function literalOperand(e: Extract<ExprIR, { k: 'lit' }>, kind: NumericKind): SmallOperand | undefined {
  if (kind === 'int') return undefined;
  const v = decodeValue(e.type, e.value);
  const small = new SmallDecimal();
  if (!(v instanceof Decimal) || !toSmallDecimal(v, small)) return undefined;
  const { coef, scale } = small;
  return (_s, out) => {
    out.coef = coef;
    out.scale = scale;
    return IN_OUT;
  };
}

/**
 * `e` (of numeric kind `kind`) as a small operand: references, literals and table calls with literal
 * outputs skip `Decimal`, the rest evaluate as usual.
 */
export function smallOperand(e: ExprIR, kind: NumericKind, sub: CompileChild): SmallOperand {
  const fast =
    e.k === 'ref'
      ? refOperand(e, kind)
      : e.k === 'lit'
        ? literalOperand(e, kind)
        : e.k === 'table'
          ? tableOperand(e, kind, sub)
          : undefined;
  if (fast) return fast;
  const c = sub(e);
  return (s) => c(s);
}

/**
 * Whether an operand's result is in `out` as a small decimal: `IN_OUT` already is; an int or a
 * `Decimal` is converted when its coefficient is a safe integer. `false` for null and big values.
 */
export function asSmall(v: Value | typeof IN_OUT, kind: NumericKind, out: SmallDecimal): boolean {
  if (v === IN_OUT) return true;
  if (kind === 'int') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return false;
    out.coef = v;
    out.scale = 0;
    return true;
  }
  return v instanceof Decimal && toSmallDecimal(v, out);
}

/** The value the plain node would have produced: `IN_OUT` becomes the `Decimal` of `small`. */
export function storedValue(v: Value | typeof IN_OUT, small: SmallDecimal): Value {
  return v === IN_OUT ? new Decimal(BigInt(small.coef), small.scale) : v;
}
