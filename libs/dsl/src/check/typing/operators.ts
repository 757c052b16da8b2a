import type { BinaryOp, TypeIR } from '../../ir/flow-ir';
import { isOrdered, isPlainNumber, T, typeName, unify } from '../types';

export type OperatorResult =
  | { ok: true; type: TypeIR }
  | { ok: false; code: string; message: string; hint?: string; blame: 'left' | 'right' };

/** The source text of a bare number literal on each side, when there is one (for "write `5%`" hints). */
export interface LiteralSides {
  left?: string;
  right?: string;
}

const ARITHMETIC_VERB: Record<string, string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
};

/**
 * Types `<`, `<=`, `>`, `>=` and ranges apply to: the ordered types, and durations (by length; working
 * days compare only with working days, which the evaluator checks).
 */
export const isComparable = (t: TypeIR): boolean => isOrdered(t) || t.kind === 'duration';

/**
 * The typing rules of the binary operators (lang-conventions "Typing"): no implicit conversions; money
 * keeps its currency; a percent is not a number. `and`/`or` are typed by the caller (operands must be bool).
 */
export function binaryType(op: BinaryOp, l: TypeIR, r: TypeIR, literals: LiteralSides): OperatorResult {
  if (op === '+' || op === '-' || op === '*' || op === '/') return arithmetic(op, l, r, literals);
  if (op === 'in') {
    if (r.kind !== 'list')
      return fail(
        'type/mismatch',
        `\`in\` needs a list on its right, not ${typeName(r)}`,
        'right',
        'write `x in [a, b]`',
      );
    const element = compare('==', l, r.of, literals);
    return element.ok ? { ok: true, type: T.bool } : element;
  }
  return compare(op, l, r, literals);
}

function compare(op: BinaryOp, l: TypeIR, r: TypeIR, literals: LiteralSides): OperatorResult {
  const mixed = mixingError(`compare ${typeName(l)} with ${typeName(r)}`, l, r, literals);
  if (mixed) return mixed;
  const common = unify(l, r);
  if (!common) return fail('type/mismatch', `Cannot compare ${typeName(l)} with ${typeName(r)}`, 'right');
  if (op !== '==' && op !== '!=' && !isComparable(common)) {
    return fail(
      'type/not-ordered',
      `\`${op}\` does not apply to ${typeName(common)}`,
      'left',
      'only numbers, percentages, money, durations and timestamps are ordered',
    );
  }
  return { ok: true, type: T.bool };
}

function arithmetic(op: '+' | '-' | '*' | '/', l: TypeIR, r: TypeIR, literals: LiteralSides): OperatorResult {
  const what = `${ARITHMETIC_VERB[op]} ${typeName(l)} and ${typeName(r)}`;
  const ok = (type: TypeIR): OperatorResult => ({ ok: true, type });
  if (isPlainNumber(l) && isPlainNumber(r)) {
    return ok(op !== '/' && l.kind === 'int' && r.kind === 'int' ? T.int : T.decimal);
  }
  if (op === '+' || op === '-') {
    if (l.kind === 'percent' && r.kind === 'percent') return ok(T.percent);
    if (l.kind === 'money' && r.kind === 'money' && l.currency === r.currency) return ok(l);
    // `now + HOLD_EXPIRY`: a timestamp moved by a duration (working days on the business calendar).
    if (l.kind === 'timestamp' && r.kind === 'duration') return ok(T.timestamp);
    if (l.kind === 'duration' && r.kind === 'duration') return ok(T.duration);
    if (l.kind === 'timestamp' && isPlainNumber(r))
      return fail(
        'type/mismatch',
        `Cannot ${what}`,
        'right',
        'a timestamp moves by a duration, e.g. `now + 24h`',
      );
    return mixingError(what, l, r, literals) ?? fail('type/mismatch', `Cannot ${what}`, 'right');
  }
  if (op === '*') {
    if (l.kind === 'money' && (r.kind === 'percent' || isPlainNumber(r))) return ok(l);
    if (r.kind === 'money' && (l.kind === 'percent' || isPlainNumber(l))) return ok(r);
    if (l.kind === 'percent' && isPlainNumber(r)) return ok(T.percent);
    if (r.kind === 'percent' && isPlainNumber(l)) return ok(T.percent);
    return fail(
      'type/mismatch',
      `Cannot ${what}`,
      'right',
      'money multiplies by a percent or a number; a percent by a number',
    );
  }
  if (l.kind === 'money' && isPlainNumber(r)) return ok(l);
  if (l.kind === 'money' && r.kind === 'money') {
    return l.currency === r.currency ? ok(T.decimal) : currencyMismatch(what, l, r);
  }
  return fail(
    'type/mismatch',
    `Cannot ${what}`,
    'right',
    'money divides by a number (→ money) or by money (→ decimal); numbers by numbers',
  );
}

/** Money with a bare number, a percent with a bare number, or two currencies: each has its own code and fix. */
function mixingError(what: string, l: TypeIR, r: TypeIR, literals: LiteralSides): OperatorResult | undefined {
  if (l.kind === 'money' && r.kind === 'money' && l.currency !== r.currency)
    return currencyMismatch(what, l, r);
  for (const [side, self, other] of [
    ['left', l, r],
    ['right', r, l],
  ] as const) {
    if (!isPlainNumber(self)) continue;
    const text = literals[side];
    if (other.kind === 'money') {
      const hint = text
        ? `write \`${text} ${other.currency}\``
        : `a ${typeName(other)} value carries its currency; a bare number does not`;
      return fail(
        'type/money-vs-number',
        `Cannot ${what}: money is never mixed with a bare number`,
        side,
        hint,
      );
    }
    if (other.kind === 'percent') {
      const hint = text
        ? `write \`${text}%\``
        : 'a percent is written with `%`, e.g. `5%`; a bare number is not a percent';
      return fail('type/percent-vs-number', `Cannot ${what}: a percent is not a bare number`, side, hint);
    }
  }
  return undefined;
}

function currencyMismatch(what: string, l: TypeIR, r: TypeIR): OperatorResult {
  return fail(
    'type/currency-mismatch',
    `Cannot ${what}: the currencies differ`,
    'right',
    `both sides must be ${typeName(l)}; currencies never convert implicitly (${typeName(r)})`,
  );
}

function fail(code: string, message: string, blame: 'left' | 'right', hint?: string): OperatorResult {
  return hint === undefined ? { ok: false, code, message, blame } : { ok: false, code, message, blame, hint };
}
