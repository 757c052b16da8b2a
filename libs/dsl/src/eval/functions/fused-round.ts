import type { ExprIR } from '../../ir/flow-ir';
import { multiply } from '../../values/decimal-arithmetic';
import { roundDecimal, type RoundingMode } from '../../values/decimal-rounding';
import { roundSmallProduct, SmallDecimal } from '../../values/small-decimal';
import { exprText } from '../expr-text';
import { numericKind, realValue } from '../ops/numeric-kind';
import { type CompileChild, fail, FAIL, type Compiled } from '../scope';
import { asSmall, smallOperand, storedValue } from '../small-operand';
import { MAX_PLACES } from './numeric-functions';

type CallExpr = Extract<ExprIR, { k: 'call' }>;
type BinaryExpr = Extract<ExprIR, { k: 'binary' }>;

const MODES: ReadonlyMap<string, RoundingMode> = new Map<string, RoundingMode>([
  ['round', 'half-up'],
  ['roundEven', 'half-even'],
]);

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
  const left = smallOperand(bin.left, lk, sub);
  const right = smallOperand(bin.right, rk, sub);
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
    if (asSmall(a, lk, x) && asSmall(b, rk, y)) {
      const fast = roundSmallProduct(x.coef, x.scale + leftShift, y.coef, y.scale + rightShift, places, mode);
      if (fast) return fast;
    }
    const da = realValue(storedValue(a, x), lk);
    const db = realValue(storedValue(b, y), rk);
    if (!da || !db) return fail(s, `\`${binText}\`: an operand is not a number (compiler bug)`);
    return roundDecimal(multiply(da, db), places, mode);
  };
}
