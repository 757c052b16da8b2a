import type { ExprIR } from '../../ir/flow-ir';
import { compareSmall, SmallDecimal } from '../../values/small-decimal';
import { exprText } from '../expr-text';
import { type CompileChild, type Compiled, fail, FAIL } from '../scope';
import { asSmall, smallOperand, storedValue } from '../small-operand';
import type { OrderFn } from './compare';
import type { NumericKind } from './numeric-kind';

type BinaryExpr = Extract<ExprIR, { k: 'binary' }>;

/**
 * `a < b`, `a <= b`, `a > b`, `a >= b` of two numbers (the guard shape `input.discount <= authority`):
 * the operands are compared on doubles when both are small decimals (`compareSmall`, exact), else
 * with `order` on their values as before. Results, evaluation order, trace reads and failure messages
 * are those of the plain comparison in `compileBinary`.
 */
export function compileNumericOrder(
  e: BinaryExpr,
  kinds: [NumericKind, NumericKind],
  order: OrderFn,
  sub: CompileChild,
): Compiled {
  const [lk, rk] = kinds;
  const left = smallOperand(e.left, lk, sub);
  const right = smallOperand(e.right, rk, sub);
  const text = exprText(e);
  const op = e.op;
  // Percentages compare as fractions when mixed with other numbers; shifting both sides alike
  // (percent with percent) does not change the order, so every pair compares as plain numbers.
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
      return fail(s, `\`${text}\`: ${a === null ? exprText(e.left) : exprText(e.right)} is null`);
    let c: number | undefined;
    if (asSmall(a, lk, x) && asSmall(b, rk, y))
      c = compareSmall(x.coef, x.scale + leftShift, y.coef, y.scale + rightShift);
    if (c === undefined) c = order(storedValue(a, x), storedValue(b, y));
    if (c === undefined) return fail(s, `\`${text}\`: the values cannot be compared`);
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
  };
}
