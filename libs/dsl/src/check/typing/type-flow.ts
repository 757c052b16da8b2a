import type { CellExpr, Expr, Ident } from '../../ast/expr';
import { didYouMean } from '../suggest';
import type {
  ActionDecl,
  AssigneeDecl,
  FieldDecl,
  FlowDecl,
  StateDecl,
  TableDecl,
  TaskDecl,
} from '../../ast/flow';
import type { CellIR, ExprIR, TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import type { FlowScope } from '../scope';
import { assignable, T, typeName } from '../types';
import { lit } from './literals';
import { resolveType } from './resolve-type';
import { ExprTyper } from './type-expr';
import { isKnownName } from './type-names';
import { typeInstant } from './type-instant';
import { taskNameHint } from '../task-names';
import { typePayloads } from './type-payloads';
import { tableSignature, typeRows } from './type-tables';
import type { TypedFlow, TypedTable } from './typed-flow';

/**
 * Types every expression of the flow, in source order: input types, table signatures, constants,
 * table rows, then each state's guards, actions, timers and task. Reports type errors as it goes.
 */
export function typeFlow(
  flow: FlowDecl,
  scope: FlowScope,
  report: Reporter,
  used: ReadonlyMap<string, TypedTable> = new Map(),
): TypedFlow {
  const inputs = new Map<FieldDecl, TypeIR>();
  const inputTypes = new Map<string, TypeIR>();
  for (const field of flow.inputs) {
    const type = resolveType(field.type, report);
    if (!type) continue;
    inputs.set(field, type);
    if (scope.inputs.get(field.name.name) === field) inputTypes.set(field.name.name, type);
  }
  const tables = new Map<TableDecl, TypedTable>();
  const tablesByName = new Map<string, TypedTable>();
  for (const table of flow.tables) {
    const sig = tableSignature(table, report);
    if (!sig) continue;
    tables.set(table, sig);
    if (scope.tables.get(table.name.name) === table) tablesByName.set(table.name.name, sig);
  }
  // Tables used from other flows (`use … from …`); a clash with a local name was reported.
  for (const [name, sig] of used) if (!scope.tables.has(name)) tablesByName.set(name, sig);
  const typer = new ExprTyper(scope, report, inputTypes, tablesByName);
  typePayloads(flow, typer, report, inputs);
  for (const decl of flow.consts) {
    if (scope.consts.get(decl.name.name) === decl) typer.constant(decl.name.name);
    else typer.type(decl.value, 'const');
  }
  const cells = new Map<CellExpr, CellIR>();
  for (const table of flow.tables) {
    const sig = tables.get(table);
    if (sig) typeRows(typer, table, sig, cells);
  }
  for (const start of flow.start) typer.roleRefs.push(...start.roles);
  for (const key of flow.keys) typeBusinessKey(typer, key.value);
  for (const state of flow.states) typeState(typer, state);
  return {
    exprs: typer.exprs,
    cells,
    inputs,
    constants: typer.constants,
    tables,
    vars: typer.vars,
    roleRefs: typer.roleRefs,
  };
}

function typeState(typer: ExprTyper, state: StateDecl): void {
  for (const transition of state.transitions) {
    if (transition.after) typeDuration(typer, transition.after, 'The delay of `after`');
    if (transition.guard) typer.typeAs(transition.guard, 'flow', T.bool, 'The guard');
    if (transition.at) typeInstant(typer, transition.at);
    if (transition.by) typeAssignee(typer, transition.by);
    for (const action of transition.actions) typeAction(typer, action);
  }
  for (const timer of state.timerActions) {
    typeDuration(typer, timer.after, 'The delay of `after`');
    if (timer.to) typeAssignee(typer, timer.to);
    for (const action of timer.actions) typeAction(typer, action);
  }
  for (const task of state.tasks) typeTask(typer, task);
}

function typeAction(typer: ExprTyper, action: ActionDecl): void {
  if (action.k === 'void') {
    checkVoidedTasks(typer, action.tasks);
    return;
  }
  if (action.k === 'notify') {
    typer.typeAs(action.to, 'flow', T.user, 'The recipient of `notify`');
    return;
  }
  const value = typer.type(action.value, 'flow');
  const held = typer.varType(action.name.name);
  if (value && held && !assignable(value.type, held)) {
    const first = typer.scope.vars.get(action.name.name)?.[0];
    typer.mismatch(
      action.value,
      value.type,
      held,
      `var.${action.name.name} holds ${typeName(held)} (set on line ${first?.span.line ?? '?'}), not ${typeName(value.type)}`,
    );
  }
}

/** `void t, …` names tasks (`task <name>`, else the name of its state). */
function checkVoidedTasks(typer: ExprTyper, tasks: Ident[]): void {
  for (const task of tasks) {
    if (typer.scope.tasks.has(task.name)) continue;
    typer.report.error(
      task.span,
      'flow/unknown-task',
      `No task is named "${task.name}"${didYouMean(task.name, typer.scope.tasks.keys())}`,
      `${taskNameHint(typer.scope.flow.states, task.name)}; \`void all\` forgets every decision`,
    );
  }
}

function typeAssignee(typer: ExprTyper, assignee: AssigneeDecl): void {
  if (assignee.k === 'role') typer.roleRefs.push(...assignee.roles);
  if (assignee.k === 'user') typeLiteralOr(typer, assignee.user, T.user, 'The assignee');
  if (assignee.k === 'team') typeLiteralOr(typer, assignee.team, T.team, 'The assignee team');
  if (assignee.k === 'superior') typer.typeAs(assignee.of, 'flow', T.user, 'The argument of `superior`');
  if (assignee.k === 'users') for (const u of assignee.users) typeUsers(typer, u);
}

/** An argument of `users(…)`: a user (a string literal is a username) or a list of users. */
function typeUsers(typer: ExprTyper, expr: Expr): void {
  if (expr.k === 'string') {
    typer.exprs.set(expr, lit(T.user, expr.value));
    return;
  }
  const ir = typer.type(expr, 'flow');
  if (ir && !assignable(ir.type, T.user) && !assignable(ir.type, T.list(T.user)))
    typer.mismatch(
      expr,
      ir.type,
      T.user,
      `\`users(…)\` takes users or lists of users, not ${typeName(ir.type)}`,
    );
}

function typeTask(typer: ExprTyper, task: TaskDecl): void {
  if (task.assignee) typeAssignee(typer, task.assignee);
  for (const excluded of task.separateFrom) {
    const ir = typer.type(excluded, 'flow');
    if (ir && !assignable(ir.type, T.user) && !assignable(ir.type, T.list(T.user))) {
      typer.report.error(
        excluded.span,
        'type/mismatch',
        `\`separateFrom\` takes users, not ${typeName(ir.type)}`,
        'e.g. `separateFrom requester, decision.manager_review.by`',
      );
    }
  }
  if (task.sla) typeDuration(typer, task.sla, 'The `sla` of a task');
}

/** The business key is computed as the instance starts: a string from the input and the requester. */
function typeBusinessKey(typer: ExprTyper, expr: Expr): void {
  const ir = typer.typeAs(expr, 'flow', T.string, 'The business key');
  const late = ir && refRoots(ir).find((root) => root !== 'input' && root !== 'requester');
  if (!late) return;
  typer.report.error(
    expr.span,
    'flow/bad-business-key',
    `The business key cannot read \`${late}\`: it is computed when the instance starts`,
    'build it from `input` (and `requester`), e.g. `key input.unit unique while active`',
  );
  typer.exprs.delete(expr);
}

function refRoots(ir: ExprIR): string[] {
  switch (ir.k) {
    case 'ref':
      return [ir.path[0]];
    case 'lit':
      return [];
    case 'unary':
      return refRoots(ir.arg);
    case 'binary':
      return [...refRoots(ir.left), ...refRoots(ir.right)];
    case 'if':
      return [...refRoots(ir.cond), ...refRoots(ir.then), ...refRoots(ir.else)];
    case 'call':
    case 'table':
      return ir.args.flatMap(refRoots);
    case 'list':
      return ir.items.flatMap(refRoots);
    case 'range':
      return [...refRoots(ir.value), ...refRoots(ir.lo), ...refRoots(ir.hi)];
  }
}

/** `user("li.na")` / `team(sunrise_sales)` inside an assignee are literals; anything else must have the type. */
function typeLiteralOr(typer: ExprTyper, expr: Expr, type: TypeIR, what: string): void {
  if (type.kind === 'user' && expr.k === 'string') typer.exprs.set(expr, lit(T.user, expr.value));
  else if (type.kind === 'team' && expr.k === 'name' && !isKnownName(typer, expr.name, 'flow'))
    typer.exprs.set(expr, lit(T.team, expr.name));
  else typer.typeAs(expr, 'flow', type, what);
}

/** Durations of timers and SLAs are fixed when the flow is compiled: a literal or a constant. */
function typeDuration(typer: ExprTyper, expr: Expr, what: string): ExprIR | null {
  if (expr.k === 'int') {
    typer.report.error(
      expr.span,
      'type/mismatch',
      `${what} must be a duration, not a bare number`,
      `write \`${expr.value}h\`, \`${expr.value}d\` or \`${expr.value} workdays\``,
    );
    return null;
  }
  const ir = typer.typeAs(expr, 'flow', T.duration, what);
  if (!ir || ir.k === 'lit') return ir;
  typer.report.error(
    expr.span,
    'flow/not-constant',
    `${what} must be a duration literal or constant`,
    'write `24h`, `2 workdays` or a constant such as `REVIEW_SLA`',
  );
  typer.exprs.delete(expr);
  return null;
}
