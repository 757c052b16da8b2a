import type { Expr, Ident } from '../../ast/expr';
import type { Span } from '../../ast/span';
import type { ExprIR, TypeIR } from '../../ir/flow-ir';
import { didYouMean } from '../suggest';
import { taskNameHint } from '../task-names';
import { T, typeName } from '../types';
import { LIBRARY } from './library';
import { lit } from './literals';
import type { ExprTyper, Site } from './type-expr';

/** Names with a meaning of their own in flow expressions (lang-conventions "Expression references"). */
export const ROOT_NAMES = ['input', 'var', 'decision', 'requester', 'now', 'event', 'deciders'];

const USER_FIELDS: Record<string, string> = { team: 'team', superior: 'superior', roles: 'roles' };

const DECISION_FIELDS: Record<string, TypeIR> = {
  by: T.user,
  decision: T.string,
  at: T.timestamp,
  comment: T.string,
};

/** True when `name` means something by itself at `site` (a constant or a root), so it is no enum value. */
export function isKnownName(typer: ExprTyper, name: string, site: Site): boolean {
  return typer.scope.consts.has(name) || (site === 'flow' && ROOT_NAMES.includes(name));
}

/** A bare name: a constant (inlined), `requester`, `now`, or an enum value where an enum is expected. */
export function typeBareName(
  typer: ExprTyper,
  expr: Extract<Expr, { k: 'name' }>,
  site: Site,
  expected?: TypeIR,
): ExprIR | null {
  const { name, span } = expr;
  if (typer.scope.consts.has(name)) return typer.constant(name);
  if (ROOT_NAMES.includes(name)) {
    if (site !== 'flow') return outOfSite(typer, span, name, site);
    if (name === 'requester') return { k: 'ref', type: T.user, path: ['requester'] };
    if (name === 'now') return { k: 'ref', type: T.timestamp, path: ['now'] };
    if (name === 'deciders') return { k: 'ref', type: T.list(T.user), path: ['deciders'] };
    typer.report.error(
      span,
      'flow/incomplete-reference',
      `\`${name}\` needs a field`,
      `write \`${name}.<name>\``,
    );
    return null;
  }
  if (expected?.kind === 'enum') {
    if (expected.values.includes(name)) return lit(expected, name);
    typer.report.error(
      span,
      'type/unknown-enum-value',
      `"${name}" is not a value of ${typeName(expected)}${didYouMean(name, expected.values)}`,
      `the values are ${expected.values.join(', ')}`,
    );
    return null;
  }
  const candidates = [...typer.scope.consts.keys(), ...(site === 'flow' ? ROOT_NAMES : [])];
  const hint = typer.scope.inputs.has(name)
    ? `input fields are read as \`input.${name}\``
    : typer.scope.vars.has(name)
      ? `variables are read as \`var.${name}\``
      : expected?.kind === 'role' || expected?.kind === 'team'
        ? `a ${expected.kind} is written \`${expected.kind}(${name})\``
        : undefined;
  typer.report.error(
    span,
    'flow/unknown-name',
    `Unknown name "${name}"${didYouMean(name, candidates)}`,
    hint,
  );
  return null;
}

/** `input.f`, `var.x`, `decision.task.by`, `user.team`, `var.record.field`. */
export function typeMember(
  typer: ExprTyper,
  expr: Extract<Expr, { k: 'member' }>,
  site: Site,
): ExprIR | null {
  const { object, field } = expr;
  if (
    object.k === 'name' &&
    ['input', 'var', 'decision', 'event'].includes(object.name) &&
    !typer.scope.consts.has(object.name)
  ) {
    if (site !== 'flow') return outOfSite(typer, object.span, object.name, site);
    if (object.name === 'input') return inputField(typer, field);
    if (object.name === 'var') return variable(typer, field);
    if (object.name === 'event') return eventField(typer, expr, field);
    const task = field.name;
    typer.report.error(
      expr.span,
      'flow/incomplete-reference',
      `\`decision.${task}\` needs a field`,
      `write \`decision.${task}.by\` (by, decision, at or comment)`,
    );
    return null;
  }
  if (object.k === 'member' && object.object.k === 'name' && object.object.name === 'decision') {
    if (site !== 'flow') return outOfSite(typer, object.object.span, 'decision', site);
    return decisionField(typer, object.field, field);
  }
  const base = typer.type(object, site);
  if (!base) return null;
  if (base.type.kind === 'user') {
    const fn = Object.hasOwn(USER_FIELDS, field.name) ? USER_FIELDS[field.name] : undefined;
    if (fn) return { k: 'call', type: LIBRARY[fn].result([T.user]) as TypeIR, fn, args: [base] };
    return noSuchField(typer, field, base.type, Object.keys(USER_FIELDS));
  }
  if (base.type.kind === 'record') {
    const names = base.type.fields.map((f) => f.name);
    const found = base.type.fields.find((f) => f.name === field.name);
    if (!found) return noSuchField(typer, field, base.type, names);
    if (base.k === 'ref') return { k: 'ref', type: found.type, path: [...base.path, field.name] };
    typer.report.error(
      field.span,
      'type/no-such-field',
      `Fields of a table result are read from a variable`,
      `store it first: \`set r = …\`, then read \`var.r.${field.name}\``,
    );
    return null;
  }
  return noSuchField(typer, field, base.type, []);
}

function inputField(typer: ExprTyper, field: Ident): ExprIR | null {
  if (!typer.scope.inputs.has(field.name)) {
    const declared = [...typer.scope.inputs.keys()];
    typer.report.error(
      field.span,
      'flow/unknown-field',
      `Unknown input field "${field.name}"${didYouMean(field.name, declared)}`,
      declared.length ? `the input declares ${declared.join(', ')}` : 'declare it in `input { … }`',
    );
    return null;
  }
  // An input whose type did not resolve was reported where it is declared.
  const type = typer.inputTypes.get(field.name);
  return type ? { k: 'ref', type, path: ['input', field.name] } : null;
}

/** `event.f` inside an `on e(…)` transition with a payload that declares `f`. */
function eventField(typer: ExprTyper, expr: Expr, field: Ident): ExprIR | null {
  const payload = typer.eventPayloads.get(expr);
  if (!payload) {
    typer.report.error(
      expr.span,
      'flow/no-event-payload',
      '`event` is read only in the guard and actions of an `on` transition whose event has a payload',
      'declare the payload, e.g. `on record_deposit(amount: money(CNY)) -> deposited`',
    );
    return null;
  }
  const type = payload.fields.get(field.name);
  if (type === undefined) {
    const declared = [...payload.fields.keys()];
    typer.report.error(
      field.span,
      'flow/unknown-event-field',
      `The event "${payload.event}" has no payload field "${field.name}"${didYouMean(field.name, declared)}`,
      declared.length
        ? `its payload declares ${declared.join(', ')}`
        : `declare it: \`on ${payload.event}(${field.name}: …)\``,
    );
    return null;
  }
  // A field whose type did not resolve was reported where it is declared.
  return type ? { k: 'ref', type, path: ['event', field.name] } : null;
}

function variable(typer: ExprTyper, field: Ident): ExprIR | null {
  if (!typer.scope.vars.has(field.name)) {
    typer.report.error(
      field.span,
      'flow/unknown-variable',
      `No action sets the variable "${field.name}"${didYouMean(field.name, typer.scope.vars.keys())}`,
      `variables are set by actions: \`do set ${field.name} = …\``,
    );
    return null;
  }
  const type = typer.varType(field.name);
  return type ? { k: 'ref', type, path: ['var', field.name] } : null;
}

function decisionField(typer: ExprTyper, task: Ident, field: Ident): ExprIR | null {
  if (!typer.scope.tasks.has(task.name)) {
    typer.report.error(
      task.span,
      'flow/unknown-task',
      `No task is named "${task.name}"${didYouMean(task.name, typer.scope.tasks.keys())}`,
      taskNameHint(typer.scope.flow.states, task.name),
    );
    return null;
  }
  const type = Object.hasOwn(DECISION_FIELDS, field.name) ? DECISION_FIELDS[field.name] : undefined;
  if (!type) return noSuchField(typer, field, null, Object.keys(DECISION_FIELDS));
  return { k: 'ref', type, path: ['decision', task.name, field.name] };
}

function noSuchField(typer: ExprTyper, field: Ident, type: TypeIR | null, fields: string[]): null {
  const owner = type ? typeName(type) : 'decision';
  typer.report.error(
    field.span,
    'type/no-such-field',
    `A ${owner} has no field "${field.name}"${didYouMean(field.name, fields)}`,
    fields.length ? `its fields are ${fields.join(', ')}` : undefined,
  );
  return null;
}

function outOfSite(typer: ExprTyper, span: Span, name: string, site: Site): null {
  if (site === 'table') {
    typer.report.error(
      span,
      'table/non-literal-cell',
      `A table cannot read \`${name}\``,
      'a table is a function of its columns: pass the value in as an argument',
    );
  } else {
    typer.report.error(
      span,
      'flow/not-constant',
      `A constant cannot read \`${name}\``,
      'constants hold literals, e.g. `const REVIEW_SLA = 24h`',
    );
  }
  return null;
}
