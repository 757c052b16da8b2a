import type { ExprIR } from '../../ir/flow-ir';
import type { Value } from '../../values/value';
import { exprText } from '../expr-text';
import { type CompileChild, type Compiled, fail, FAIL, type Scope } from '../scope';
import { ArithmeticFailure, arithmeticFor } from './arithmetic';
import { equalityFor, orderFor } from './compare';
import { compileNumericOrder } from './compile-numeric-order';
import { numericKind } from './numeric-kind';

type BinaryExpr = Extract<ExprIR, { k: 'binary' }>;

function failing(message: string): Compiled {
  return (s) => fail(s, message);
}

function compileLogic(e: BinaryExpr, left: Compiled, right: Compiled, text: string): Compiled {
  const isAnd = e.op === 'and';
  const operand = (s: Scope, v: Value | typeof FAIL): boolean | typeof FAIL =>
    v === FAIL
      ? FAIL
      : typeof v === 'boolean'
        ? v
        : fail(s, `\`${text}\`: an operand is null, not true or false`);
  return (s) => {
    const a = operand(s, left(s));
    if (a === FAIL) return FAIL;
    // Short-circuit: the right side is not evaluated (nor traced) when the left decides.
    if (a !== isAnd) return a;
    return operand(s, right(s));
  };
}

/** Compiles `and`, `or`, comparisons, arithmetic and `in`, choosing each implementation once from the types. */
export function compileBinary(e: BinaryExpr, sub: CompileChild): Compiled {
  const text = exprText(e);
  if (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') {
    const lk = numericKind(e.left.type);
    const rk = numericKind(e.right.type);
    const order = orderFor(e.left.type, e.right.type);
    if (lk && rk && order) return compileNumericOrder(e, [lk, rk], order, sub);
  }
  const left = sub(e.left);
  const right = sub(e.right);
  switch (e.op) {
    case 'and':
    case 'or':
      return compileLogic(e, left, right, text);
    case '==':
    case '!=': {
      const equal = equalityFor(e.left.type, e.right.type);
      const want = e.op === '==';
      return (s) => {
        const a = left(s);
        if (a === FAIL) return FAIL;
        const b = right(s);
        if (b === FAIL) return FAIL;
        return equal(a, b) === want;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = orderFor(e.left.type, e.right.type);
      if (!order)
        return failing(`\`${text}\`: ${e.left.type.kind} and ${e.right.type.kind} cannot be ordered`);
      const op = e.op;
      return (s) => {
        const a = left(s);
        if (a === FAIL) return FAIL;
        const b = right(s);
        if (b === FAIL) return FAIL;
        if (a === null || b === null)
          return fail(s, `\`${text}\`: ${a === null ? exprText(e.left) : exprText(e.right)} is null`);
        const c = order(a, b);
        if (c === undefined) return fail(s, `\`${text}\`: the values cannot be compared`);
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      };
    }
    case 'in': {
      const elemType = e.right.type.kind === 'list' ? e.right.type.of : e.right.type;
      const equal = equalityFor(e.left.type, elemType);
      return (s) => {
        const a = left(s);
        if (a === FAIL) return FAIL;
        const list = right(s);
        if (list === FAIL) return FAIL;
        if (!Array.isArray(list)) return fail(s, `\`${text}\`: the right side is not a list`);
        return (list as readonly Value[]).some((item) => equal(a, item));
      };
    }
    default: {
      const op = e.op;
      const fn = arithmeticFor(op, e.left.type, e.right.type, e.type);
      if (!fn)
        return failing(`\`${text}\`: ${op} is not defined for ${e.left.type.kind} and ${e.right.type.kind}`);
      return (s) => {
        const a = left(s);
        if (a === FAIL) return FAIL;
        const b = right(s);
        if (b === FAIL) return FAIL;
        if (a === null || b === null)
          return fail(s, `\`${text}\`: ${a === null ? exprText(e.left) : exprText(e.right)} is null`);
        const r = fn(a, b, s.env.calendar);
        return r instanceof ArithmeticFailure ? fail(s, `\`${text}\`: ${r.message}`) : r;
      };
    }
  }
}
