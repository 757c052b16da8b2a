import type { ExprIR } from '../ir/flow-ir';
import type { Value } from '../values/value';
import type { EvalEnv } from './eval-env';

/** Returned by a compiled node whose evaluation failed; the message is in `Scope.error`. */
export const FAIL: unique symbol = Symbol('evaluation failed');
export type Outcome = Value | typeof FAIL;

/** Per-evaluation state: the environment and the first failure. One small object per `evaluate` call. */
export interface Scope {
  readonly env: EvalEnv;
  error: string | null;
}

/** An expression compiled to a closure (never to source text: no `eval`, no `new Function`). */
export type Compiled = (s: Scope) => Outcome;

/** Compiles a sub-expression; node compilers receive it so they need not import the dispatcher. */
export type CompileChild = (e: ExprIR) => Compiled;

/** Records the first failure message and returns `FAIL`; later failures keep the first message. */
export function fail(s: Scope, message: string): typeof FAIL {
  s.error ??= message;
  return FAIL;
}
