import type { Diagnostic } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../ast/diagnose';
import type { FlowDecl, FlowFile } from '../ast/flow';
import type { TableIR } from '../ir/flow-ir';
import { parse } from '../parser';
import { checkAlwaysCycles } from './check-always-cycles';
import { checkApproval } from './check-approval';
import { checkDecisionValues } from './check-decision-values';
import { checkDuplicates } from './check-duplicates';
import { checkFinalStates } from './check-final-states';
import { checkInitialState } from './check-initial-state';
import { checkMigrations } from './check-migrations';
import { checkMoneySeparation } from './check-money-separation';
import { checkNameConflicts } from './check-name-conflicts';
import { checkReachability } from './check-reachability';
import { checkShadowedTransitions } from './check-shadowed-transitions';
import { checkTableGaps } from './check-table-gaps';
import { checkTableOverlap } from './check-table-overlap';
import { checkTableShadowing } from './check-table-shadowing';
import { checkTableShape } from './check-table-shape';
import { checkTasks } from './check-tasks';
import { checkTimerActions } from './check-timer-actions';
import { checkUnknownRoles } from './check-unknown-roles';
import { checkUnknownStates } from './check-unknown-states';
import { checkUnused } from './check-unused';
import { type Check, type CheckOptions, Reporter } from './context';
import { resolveUses } from './check-uses';
import { buildScope, type FlowScope } from './scope';
import { typeFlow } from './typing/type-flow';
import type { TypedFlow } from './typing/typed-flow';

export type { CheckOptions, FlowResolver } from './context';

/** The checks run after typing. They are independent; diagnostics are sorted by position afterwards. */
export const CHECKS: readonly Check[] = [
  checkDuplicates,
  checkNameConflicts,
  checkInitialState,
  checkUnknownStates,
  checkFinalStates,
  checkReachability,
  checkAlwaysCycles,
  checkShadowedTransitions,
  checkTasks,
  checkTimerActions,
  checkMoneySeparation,
  checkDecisionValues,
  checkMigrations,
  checkApproval,
  checkTableShape,
  checkTableOverlap,
  checkTableShadowing,
  checkTableGaps,
  checkUnknownRoles,
  checkUnused,
];

/** A checked flow: what the compiler needs when `diagnostics` hold no error. */
export interface Analysis {
  flow: FlowDecl | null;
  scope: FlowScope | null;
  typed: TypedFlow | null;
  /** Copies of the tables used from other flows (`use … from …`), with their origins. */
  used: TableIR[];
  /** Syntax, type and flow diagnostics, in source order. */
  diagnostics: Diagnostic[];
}

/** Parses, types and checks a source. Never throws for anything in the source. */
export function analyze(source: string, options: CheckOptions = {}): Analysis {
  const parsed = parse(source);
  return analyzeFile(parsed.ast, parsed.diagnostics, options);
}

/** Types and checks an already parsed file; `syntax` are the parser's diagnostics. */
export function analyzeFile(file: FlowFile, syntax: Diagnostic[], options: CheckOptions = {}): Analysis {
  const flow = file.flow;
  if (!flow) return { flow: null, scope: null, typed: null, used: [], diagnostics: syntax };
  const report = new Reporter();
  const scope = buildScope(flow);
  const used = resolveUses(flow, options, report);
  const typed = typeFlow(flow, scope, report, used.signatures);
  const incomplete = syntax.some((d) => d.severity === 'error');
  for (const check of CHECKS) check({ flow, scope, typed, report, options, incomplete });
  return {
    flow,
    scope,
    typed,
    used: used.tables,
    diagnostics: sortDiagnostics([...syntax, ...report.diagnostics]),
  };
}

/** Every diagnostic for a source: syntax errors, type errors, flow and table checks, in source order. */
export function checkSource(source: string, options: CheckOptions = {}): Diagnostic[] {
  return analyze(source, options).diagnostics;
}
