import type { ExprIR, Json } from '../../ir/flow-ir';
import { Decimal } from '../../values/decimal';
import { multiply } from '../../values/decimal-arithmetic';
import { roundDecimal, type RoundingMode } from '../../values/decimal-rounding';
import { decoderFor } from '../../values/json-codec';
import {
  roundSmallProduct,
  scanSmallDecimal,
  SmallDecimal,
  toSmallDecimal,
} from '../../values/small-decimal';
import type { Value } from '../../values/value';
import { notA, refReader } from '../compile-ref';
import { exprText } from '../expr-text';
import { type NumericKind, numericKind, realValue } from '../ops/numeric-kind';
import { type CompileChild, fail, FAIL, type Outcome, type Scope, type Compiled } from '../scope';
import { MAX_PLACES } from './numeric-functions';

type CallExpr = Extract<ExprIR, { k: 'call' }>;
type BinaryExpr = Extract<ExprIR, { k: 'binary' }>;

/** Returned by an operand that left its value in its `SmallDecimal` instead of making a `Decimal`. */
const IN_OUT: unique symbol = Symbol('in out');

/** One factor of the product: its value, or `IN_OUT` when it wrote a small decimal to `out`. */
type Operand = (s: Scope, out: SmallDecimal) => Outcome | typeof IN_OUT;

const MODES: ReadonlyMap<string, RoundingMode> = new Map<string, RoundingMode>([
  ['round', 'half-up'],
  ['roundEven', 'half-even'],
]);

/**
 * A reference to stored money, a decimal or a percentage, read straight into a double when its text
 * has at most 15 digits (no `bigint`, no `Decimal`); other JSON goes through the ordinary decoder, so
 * values, trace entries and failure messages are those of `compileRef`.
 */
function refOperand(e: Extract<ExprIR, { k: 'ref' }>, kind: NumericKind): Operand | undefined {
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

function operand(e: ExprIR, kind: NumericKind, sub: CompileChild): Operand {
  if (e.k === 'ref') {
    const fast = refOperand(e, kind);
    if (fast) return fast;
  }
  const c = sub(e);
  return (s) => c(s);
}

/** A factor's value as a small decimal (int widened), or `false` when it is out of the exact range. */
function toSmall(v: Value, kind: NumericKind, out: SmallDecimal): boolean {
  if (kind === 'int') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) return false;
    out.coef = v;
    out.scale = 0;
    return true;
  }
  return v instanceof Decimal && toSmallDecimal(v, out);
}

/** A factor as the plain decimal it stands for (a percentage as its fraction), for the `bigint` path. */
function factor(v: Value | typeof IN_OUT, kind: NumericKind, small: SmallDecimal): Decimal | undefined {
  if (v !== IN_OUT) return realValue(v, kind);
  const d = new Decimal(BigInt(small.coef), small.scale);
  return kind === 'percent' ? realValue(d, kind) : d;
}

/**
 * `round(a × b, n)` / `roundEven(a × b, n)` of money or decimals (the commission shape) fused into one
 * closure: the factors go to doubles when exact (`values/small-decimal.ts`), the product is rounded
 * there, and one `Decimal` is made for the result; otherwise the `bigint` arithmetic runs as in the
 * unfused nodes. Results, evaluation order, trace reads and failure messages are those of
 * `compileCall` over `compileBinary`. `undefined` when the call does not have that shape.
 */
export function compileFusedRound(e: CallExpr, sub: CompileChild): Compiled | undefined {
  const mode = MODES.get(e.fn);
  if (!mode || e.args.length !== 2) return undefined;
  const [product, placesExpr] = e.args;
  if (product.k !== 'binary' || product.op !== '*' || placesExpr.type.kind !== 'int') return undefined;
  const bin: BinaryExpr = product;
  const lk = numericKind(bin.left.type);
  const rk = numericKind(bin.right.type);
  const resultKind = bin.type.kind;
  if (!lk || !rk || (resultKind !== 'money' && resultKind !== 'decimal')) return undefined;
  const left = operand(bin.left, lk, sub);
  const right = operand(bin.right, rk, sub);
  const placesOf = sub(placesExpr);
  const text = exprText(e);
  const binText = exprText(bin);
  // A percentage multiplies as its fraction: two more fraction digits on the same coefficient.
  const leftShift = lk === 'percent' ? 2 : 0;
  const rightShift = rk === 'percent' ? 2 : 0;
  const x = new SmallDecimal();
  const y = new SmallDecimal();
  return (s) => {
    const a = left(s, x);
    if (a === FAIL) return FAIL;
    const b = right(s, y);
    if (b === FAIL) return FAIL;
    if (a === null || b === null)
      return fail(s, `\`${binText}\`: ${a === null ? exprText(bin.left) : exprText(bin.right)} is null`);
    const places = placesOf(s);
    if (places === FAIL) return FAIL;
    if (typeof places !== 'number' || places < 0 || places > MAX_PLACES)
      return fail(s, `\`${text}\`: the number of decimals must be between 0 and ${MAX_PLACES}`);
    if ((a === IN_OUT || toSmall(a, lk, x)) && (b === IN_OUT || toSmall(b, rk, y))) {
      const fast = roundSmallProduct(x.coef, x.scale + leftShift, y.coef, y.scale + rightShift, places, mode);
      if (fast) return fast;
    }
    const da = factor(a, lk, x);
    const db = factor(b, rk, y);
    if (!da || !db) return fail(s, `\`${binText}\`: an operand is not a number (compiler bug)`);
    return roundDecimal(multiply(da, db), places, mode);
  };
}
