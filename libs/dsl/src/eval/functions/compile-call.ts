import type { ExprIR } from '../../ir/flow-ir';
import type { Value } from '../../values/value';
import { exprText } from '../expr-text';
import { type CompileChild, type Compiled, fail, FAIL } from '../scope';
import { compileFusedRound } from './fused-round';
import { LIBRARY } from './library';

type CallExpr = Extract<ExprIR, { k: 'call' }>;

/** Compiles a library call: the implementation is chosen once from the argument types; arguments are strict. */
export function compileCall(e: CallExpr, sub: CompileChild): Compiled {
  const fused = compileFusedRound(e, sub);
  if (fused) return fused;
  const text = exprText(e);
  const spec = LIBRARY.get(e.fn);
  const impl = spec?.({ args: e.args, result: e.type, text });
  if (!impl) {
    const types = e.args.map((a) => a.type.kind).join(', ');
    const message = spec
      ? `\`${text}\`: ${e.fn} does not take (${types})`
      : `\`${text}\`: unknown function ${e.fn}`;
    return (s) => fail(s, message);
  }
  const args = e.args.map(sub);
  const n = args.length;
  return (s) => {
    const values = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const v = args[i](s);
      if (v === FAIL) return FAIL;
      values[i] = v;
    }
    return impl(values, s);
  };
}
