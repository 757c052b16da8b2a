import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt } from '../ast/diagnose';
import type { FlowDecl } from '../ast/flow';
import type { Span } from '../ast/span';
import type { FlowIR } from '../ir/flow-ir';
import type { FlowScope } from './scope';
import type { TypedFlow } from './typing/typed-flow';

export interface CheckOptions {
  /**
   * The role keys of the org directory. When given, a role the flow names that is not among them is
   * reported as a warning (`flow/unknown-role`); when absent, role names are not checked.
   */
  roles?: readonly string[];
  /**
   * Finds another flow by key for `use … from <key>`: its source (compiled with these options) or its
   * compiled IR, undefined when there is none. Supplied by the adapters (the CLI reads the `.flow` files
   * next to the source; the store returns the latest deployed version). Without it a `use` is an error.
   */
  resolve?: FlowResolver;
  /** The flow keys `resolve` knows, for "did you mean" on an unknown flow (optional). */
  flowKeys?: readonly string[];
  /** Internal: the keys of the flows whose `use` led to this compilation, to report cycles. */
  usedBy?: readonly string[];
}

/** `(flowKey) => source or FlowIR or undefined`: how the compiler finds the flows a `use` names. */
export type FlowResolver = (flowKey: string) => string | FlowIR | undefined;

/** Collects diagnostics; checks report through it and never throw for a user's mistake. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  error(span: Span, code: string, message: string, hint?: string): void {
    this.diagnostics.push(diagnosticAt('error', span, code, message, hint));
  }

  warning(span: Span, code: string, message: string, hint?: string): void {
    this.diagnostics.push(diagnosticAt('warning', span, code, message, hint));
  }
}

/** What every check sees: the parsed flow, its names, its typed expressions and where to report. */
export interface CheckContext {
  flow: FlowDecl;
  scope: FlowScope;
  typed: TypedFlow;
  report: Reporter;
  options: CheckOptions;
  /**
   * True when the parser reported errors. Parts of the flow may then be missing, so checks of the flow's
   * overall shape (reachability, initial state) stay quiet rather than report echoes of the syntax error.
   */
  incomplete: boolean;
}

/** One static check; see `check/index.ts` for the list and its order. */
export type Check = (ctx: CheckContext) => void;
