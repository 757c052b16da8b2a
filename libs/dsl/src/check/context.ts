import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt } from '../ast/diagnose';
import type { FlowDecl } from '../ast/flow';
import type { Span } from '../ast/span';
import type { FlowScope } from './scope';
import type { TypedFlow } from './typing/typed-flow';

export interface CheckOptions {
  /**
   * The role keys of the org directory. When given, a role the flow names that is not among them is
   * reported as a warning (`flow/unknown-role`); when absent, role names are not checked.
   */
  roles?: readonly string[];
}

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
