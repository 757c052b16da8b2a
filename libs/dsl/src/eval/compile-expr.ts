import type { ExprIR } from '../ir/flow-ir';
import { Decimal } from '../values/decimal';
import { negate } from '../values/decimal-arithmetic';
import { decodeValue } from '../values/json-codec';
import type { Value } from '../values/value';
import { compileRef } from './compile-ref';
import { exprText } from './expr-text';
import { compileCall } from './functions/compile-call';
import { compileBinary } from './ops/compile-binary';
import { compileRange } from './ops/compile-range';
import { type Compiled, fail, FAIL } from './scope';
import { compileTableCall } from './tables/compile-table-call';

// Each IR node is compiled once; IRs are immutable and shared, so the closure is reused by every evaluation.
const cache = new WeakMap<ExprIR, Compiled>();

/** The closure for an expression node, compiled on first use. */
export function compiled(e: ExprIR): Compiled {
  // The last few nodes asked for are remembered apart: a caller evaluating a guard, a table call and
  // an action on each context in turn (the engine, the rules benchmark) skips the WeakMap.
  for (let i = 0; i < RECENT; i++) if (recentNodes[i] === e) return recentCompiled[i];
  let c = cache.get(e);
  if (!c) {
    c = compileNode(e);
    cache.set(e, c);
  }
  recentNodes[next] = e;
  recentCompiled[next] = c;
  next = (next + 1) % RECENT;
  return c;
}
const RECENT = 4;
const recentNodes: (ExprIR | undefined)[] = new Array<ExprIR | undefined>(RECENT).fill(undefined);
const recentCompiled: Compiled[] = new Array<Compiled>(RECENT).fill(() => null);
let next = 0;

function compileNode(e: ExprIR): Compiled {
  switch (e.k) {
    case 'lit': {
      // Literals are decoded at compile time, so `50_000 CNY` costs nothing per evaluation.
      const v = decodeValue(e.type, e.value);
      if (v === undefined) {
        const message = `literal ${JSON.stringify(e.value)} is not a ${e.type.kind}`;
        return (s) => fail(s, message);
      }
      return () => v;
    }
    case 'ref':
      return compileRef(e);
    case 'unary':
      return compileUnary(e);
    case 'binary':
      return compileBinary(e, compiled);
    case 'if': {
      const cond = compiled(e.cond);
      const then = compiled(e.then);
      const otherwise = compiled(e.else);
      const text = exprText(e.cond);
      return (s) => {
        const c = cond(s);
        if (c === FAIL) return FAIL;
        if (typeof c !== 'boolean') return fail(s, `\`${text}\`: the condition is null, not true or false`);
        return c ? then(s) : otherwise(s);
      };
    }
    case 'call':
      return compileCall(e, compiled);
    case 'table':
      return compileTableCall(e, compiled);
    case 'range':
      return compileRange(e, compiled);
    case 'list': {
      const items = e.items.map(compiled);
      return (s) => {
        const out: Value[] = [];
        for (const item of items) {
          const v = item(s);
          if (v === FAIL) return FAIL;
          out.push(v);
        }
        return out;
      };
    }
  }
}

function compileUnary(e: Extract<ExprIR, { k: 'unary' }>): Compiled {
  const arg = compiled(e.arg);
  const text = exprText(e);
  if (e.op === 'not')
    return (s) => {
      const v = arg(s);
      if (v === FAIL) return FAIL;
      return typeof v === 'boolean' ? !v : fail(s, `\`${text}\`: the operand is null, not true or false`);
    };
  return (s) => {
    const v = arg(s);
    if (v === FAIL) return FAIL;
    if (typeof v === 'number') return -v;
    return v instanceof Decimal ? negate(v) : fail(s, `\`${text}\`: the operand is not a number`);
  };
}
