import type { ExprIR, TypeIR } from '../../ir/flow-ir';
import type { Value } from '../../values/value';
import type { Outcome, Scope } from '../scope';

/** A library function applied to evaluated arguments; failures go through `fail(s, …)`. */
export type FunctionImpl = (args: readonly Value[], s: Scope) => Outcome;

/** What a compiled call site knows: its argument expressions, its result type and its text. */
export interface CallSite {
  readonly args: readonly ExprIR[];
  readonly result: TypeIR;
  /** Source-like text of the whole call, for messages and trace keys: `authority(requester)`. */
  readonly text: string;
}

/**
 * Picks the implementation of a library function for a call site from its argument types (resolved
 * once at compile time), or returns `undefined` if the function does not take such arguments.
 */
export type FunctionSpec = (site: CallSite) => FunctionImpl | undefined;
