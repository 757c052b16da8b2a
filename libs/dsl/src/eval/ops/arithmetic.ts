import type { TypeIR } from '../../ir/flow-ir';
import { addDuration, type BusinessCalendar, subtractDuration } from '../../values/business-calendar';
import { add, divide, multiply, subtract } from '../../values/decimal-arithmetic';
import { Duration } from '../../values/duration';
import type { Value } from '../../values/value';
import { fromReal, numericKind, realValue } from './numeric-kind';

export type ArithmeticOp = '+' | '-' | '*' | '/';

/** Why an arithmetic operation produced no value. */
export class ArithmeticFailure {
  constructor(readonly message: string) {}
}

/**
 * An operation on two non-null operands, chosen once per expression node from the operand types.
 * `calendar` (the evaluation environment's) counts `workdays`; only `timestamp ± duration` reads it.
 */
export type ArithmeticFn = (a: Value, b: Value, calendar?: BusinessCalendar) => Value | ArithmeticFailure;

const OVERFLOW = new ArithmeticFailure('the result is too large for an int');
const DIVISION_BY_ZERO = new ArithmeticFailure('division by zero');
const NOT_NUMERIC = new ArithmeticFailure('an operand is not a number (compiler bug)');

function intOp(op: ArithmeticOp): ArithmeticFn | undefined {
  const check = (n: number): Value | ArithmeticFailure => (Number.isSafeInteger(n) ? n : OVERFLOW);
  switch (op) {
    case '+':
      return (a, b) => check((a as number) + (b as number));
    case '-':
      return (a, b) => check((a as number) - (b as number));
    case '*':
      return (a, b) => check((a as number) * (b as number));
    default:
      return undefined;
  }
}

/**
 * The implementation of `left op right` for the checked operand and result types, or `undefined` if
 * the language does not define it. Numbers are exact: money × percent multiplies by the fraction
 * (`x × 2%` is 2 % of x), division keeps 20 fraction digits (half-even, see ADR 0003), int results
 * that leave the safe-integer range fail instead of losing digits. `timestamp ± duration` moves
 * the instant; working days are counted in the given business calendar (the instance's, the one its
 * `after n workdays` timers use), Monday to Friday without one.
 */
export function arithmeticFor(
  op: ArithmeticOp,
  left: TypeIR,
  right: TypeIR,
  result: TypeIR,
): ArithmeticFn | undefined {
  const lk = numericKind(left);
  const rk = numericKind(right);
  const resultKind = numericKind(result);
  if (lk && rk && resultKind) {
    if (lk === 'int' && rk === 'int' && resultKind === 'int') return intOp(op);
    return (a, b) => {
      const x = realValue(a, lk);
      const y = realValue(b, rk);
      if (!x || !y) return NOT_NUMERIC;
      let r;
      if (op === '+') r = add(x, y);
      else if (op === '-') r = subtract(x, y);
      else if (op === '*') r = multiply(x, y);
      else r = divide(x, y);
      if (!r) return DIVISION_BY_ZERO;
      return fromReal(r, resultKind) ?? OVERFLOW;
    };
  }
  if (left.kind === 'timestamp' && right.kind === 'duration' && (op === '+' || op === '-')) {
    const move = op === '+' ? addDuration : subtractDuration;
    return (a, b, calendar) =>
      typeof a === 'number' && b instanceof Duration ? move(a, b, calendar) : NOT_NUMERIC;
  }
  if (left.kind === 'duration' && right.kind === 'duration' && (op === '+' || op === '-')) {
    return (a, b) => {
      if (!(a instanceof Duration) || !(b instanceof Duration)) return NOT_NUMERIC;
      if (a.unit !== b.unit) return new ArithmeticFailure(`cannot combine ${a.unit} with ${b.unit}`);
      return new Duration(op === '+' ? a.amount + b.amount : a.amount - b.amount, a.unit);
    };
  }
  return undefined;
}
