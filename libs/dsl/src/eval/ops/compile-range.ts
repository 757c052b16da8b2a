import type { ExprIR } from '../../ir/flow-ir';
import { exprText } from '../expr-text';
import { type CompileChild, type Compiled, fail, FAIL } from '../scope';
import { orderFor } from './compare';

type RangeExpr = Extract<ExprIR, { k: 'range' }>;

/**
 * Compiles `value in [lo .. hi)`. The orderings are chosen once from the types, so an evaluation only
 * compares (no allocation beyond what the operands produce). A null value is in no range; a null bound,
 * or bounds that do not compare with the value (working days against hours), fail the evaluation.
 */
export function compileRange(e: RangeExpr, sub: CompileChild): Compiled {
  const value = sub(e.value);
  const lo = sub(e.lo);
  const hi = sub(e.hi);
  const text = exprText(e);
  const orderLo = orderFor(e.value.type, e.lo.type);
  const orderHi = orderFor(e.value.type, e.hi.type);
  if (!orderLo || !orderHi)
    return (s) => fail(s, `\`${text}\`: ${e.value.type.kind} values cannot be ordered`);
  const { loInclusive, hiInclusive } = e;
  return (s) => {
    const v = value(s);
    if (v === FAIL) return FAIL;
    const l = lo(s);
    if (l === FAIL) return FAIL;
    const h = hi(s);
    if (h === FAIL) return FAIL;
    if (l === null || h === null)
      return fail(s, `\`${text}\`: the ${l === null ? 'lower' : 'upper'} bound is null`);
    if (v === null) return false;
    const cl = orderLo(v, l);
    if (cl === undefined) return fail(s, `\`${text}\`: the value and the lower bound cannot be compared`);
    if (loInclusive ? cl < 0 : cl <= 0) return false;
    const ch = orderHi(v, h);
    if (ch === undefined) return fail(s, `\`${text}\`: the value and the upper bound cannot be compared`);
    return hiInclusive ? ch <= 0 : ch < 0;
  };
}
