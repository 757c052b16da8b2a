import type { Expr } from '../../ast/expr';
import type { ExprIR, TypeIR } from '../../ir/flow-ir';
import { didYouMean } from '../suggest';
import { assignable, T, typeName } from '../types';
import { isLibraryFunction, LIBRARY, LIBRARY_NAMES } from './library';
import { lit } from './literals';
import type { ExprTyper, Site } from './type-expr';
import { isKnownName } from './type-names';

type CallExpr = Extract<Expr, { k: 'call' }>;

/**
 * A call: the literal forms `role(x)`, `team(x)`, `user("x")`; a decision table of the flow; or a function
 * of the fixed library. `team(requester)` is the library function, `team(sunrise_sales)` a team literal.
 */
export function typeCall(typer: ExprTyper, expr: CallExpr, site: Site): ExprIR | null {
  const name = expr.callee.name;
  if (name === 'role') return roleLiteral(typer, expr);
  if (name === 'user') return userLiteral(typer, expr);
  const [arg] = expr.args;
  if (name === 'team' && expr.args.length === 1 && arg.k === 'name' && !isKnownName(typer, arg.name, site)) {
    return lit(T.team, arg.name);
  }
  if (typer.scope.tables.has(name) || typer.scope.used.has(name)) return tableCall(typer, expr, site);
  if (isLibraryFunction(name)) return libraryCall(typer, expr, site);
  typer.report.error(
    expr.callee.span,
    'flow/unknown-function',
    `Unknown function "${name}"${didYouMean(name, [...LIBRARY_NAMES, ...typer.scope.tables.keys(), ...typer.scope.used, 'role', 'user', 'team'])}`,
    `the functions are ${LIBRARY_NAMES.join(', ')}; a decision table is called by its name`,
  );
  return null;
}

function arityOk(typer: ExprTyper, expr: CallExpr, arity: number, signature: string): boolean {
  if (expr.args.length === arity) return true;
  typer.report.error(
    expr.callee.span,
    'flow/wrong-arity',
    `${expr.callee.name} takes ${arity} argument${arity === 1 ? '' : 's'}, not ${expr.args.length}`,
    signature,
  );
  return false;
}

function roleLiteral(typer: ExprTyper, expr: CallExpr): ExprIR | null {
  if (!arityOk(typer, expr, 1, 'write `role(sales_manager)`')) return null;
  const [arg] = expr.args;
  if (arg.k !== 'name') {
    typer.report.error(arg.span, 'type/mismatch', 'role(…) takes a role name', 'write `role(sales_manager)`');
    return null;
  }
  typer.roleRefs.push({ name: arg.name, span: arg.span });
  return lit(T.role, arg.name);
}

function userLiteral(typer: ExprTyper, expr: CallExpr): ExprIR | null {
  if (!arityOk(typer, expr, 1, 'write `user("li.na")`')) return null;
  const [arg] = expr.args;
  if (arg.k !== 'string') {
    typer.report.error(
      arg.span,
      'type/mismatch',
      'user(…) takes a username in quotes',
      'write `user("li.na")`',
    );
    return null;
  }
  return lit(T.user, arg.value);
}

function tableCall(typer: ExprTyper, expr: CallExpr, site: Site): ExprIR | null {
  const name = expr.callee.name;
  const table = typer.tables.get(name);
  // A table whose columns did not resolve was reported at its declaration (a used one at its `use`).
  if (!table) return null;
  const signature = `${name}(${table.inputs.map((i) => `${i.name}: ${typeName(i.type)}`).join(', ')})`;
  if (!arityOk(typer, expr, table.inputs.length, signature)) return null;
  const args = expr.args.map((arg, i) => {
    const ir = typer.type(arg, site, table.inputs[i].type);
    if (!ir || assignable(ir.type, table.inputs[i].type)) return ir;
    const message = `The column "${table.inputs[i].name}" of ${name} is ${typeName(table.inputs[i].type)}, not ${typeName(ir.type)}`;
    typer.mismatch(arg, ir.type, table.inputs[i].type, message);
    return null;
  });
  if (args.some((a) => !a)) return null;
  return { k: 'table', type: table.result, table: name, args: args as ExprIR[] };
}

function libraryCall(typer: ExprTyper, expr: CallExpr, site: Site): ExprIR | null {
  const name = expr.callee.name;
  const fn = LIBRARY[name];
  if (!arityOk(typer, expr, fn.arity, fn.signature)) return null;
  const args: (ExprIR | null)[] = [];
  for (const [i, arg] of expr.args.entries()) {
    const earlier = args.map((a) => a?.type ?? T.null);
    args.push(typer.type(arg, site, fn.expected?.(i, earlier)));
  }
  if (args.some((a) => !a)) return null;
  const typed = args as ExprIR[];
  const result = fn.result(typed.map((a) => a.type));
  if ('arg' in result) {
    const bad = expr.args[result.arg];
    const actual = typed[result.arg].type;
    const message = `${name} needs ${result.expected} as argument ${result.arg + 1}, not ${typeName(actual)}`;
    const wanted: TypeIR | undefined =
      result.arg === 1 && ['min', 'max', 'contains'].includes(name) ? typed[0].type : undefined;
    if (wanted) typer.mismatch(bad, actual, wanted.kind === 'list' ? wanted.of : wanted, message);
    else typer.report.error(bad.span, 'type/mismatch', message, fn.signature);
    return null;
  }
  return { k: 'call', type: result, fn: name, args: typed };
}
