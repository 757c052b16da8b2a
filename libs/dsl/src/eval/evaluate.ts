import type { ExprIR } from '../ir/flow-ir';
import type { Value } from '../values/value';
import { compiled } from './compile-expr';
import type { EvalEnv, EvalResult } from './eval-env';
import { FAIL, type Scope } from './scope';
import { tableNamed } from './tables/compile-table-call';
import { rowOutputType } from './tables/compile-table';

/**
 * Evaluates a checked expression. Total: a user-level failure (no table row under `unique`, a null
 * superior, division by zero, an unknown user) is an `{ ok: false }` result whose message names the
 * expression that failed; nothing is thrown. The expression is compiled to closures on first use
 * and cached per IR node. Reads and table decisions go to `env.trace` when it is set.
 */
export function evaluate(expr: ExprIR, env: EvalEnv): EvalResult {
  const scope: Scope = { env, error: null };
  const v = compiled(expr)(scope);
  return v === FAIL
    ? { ok: false, error: { message: scope.error ?? 'evaluation failed' } }
    : { ok: true, value: v };
}

/**
 * Applies the table `name` of `env.tables` to run-time argument values, as `name(args)` in an
 * expression would. For tools and benchmarks that call a table directly.
 */
export function evaluateTable(name: string, args: readonly Value[], env: EvalEnv): EvalResult {
  const scope: Scope = { env, error: null };
  const table = tableNamed(env.tables, name, compiled);
  if (!table) return { ok: false, error: { message: `unknown table ${name}` } };
  const v = table.invoke(args, rowOutputType(table.table), scope);
  return v === FAIL
    ? { ok: false, error: { message: scope.error ?? 'evaluation failed' } }
    : { ok: true, value: v };
}
