import type { Expr, Ident } from '../../ast/expr';
import type { Span } from '../../ast/span';
import type { BinaryOp, ExprIR, TypeIR } from '../../ir/flow-ir';
import type { Reporter } from '../context';
import type { FlowScope } from '../scope';
import { assignable, exampleOf, isNumeric, T, typeName, unify } from '../types';
import { typeCall } from './type-call';
import { binaryType } from './operators';
import { isLiteralExpr, isLiteralIR, literalIR, negateLiteral, numberText } from './literals';
import { isKnownName, typeBareName, typeMember } from './type-names';
import { typeRangeMembership } from './type-range';
import type { TypedTable } from './typed-flow';

/**
 * Where an expression stands, which decides what it may read: `flow` (guards, actions, tasks) may read
 * `input`, `var`, `decision`, `requester` and `now`; `const` and `table` (cells and outputs) may not.
 */
export type Site = 'flow' | 'const' | 'table';

/**
 * Types expressions into ExprIR, reporting every type error at the token to fix. Results are memoised
 * per AST node (successes only: a node that failed silently inside a cycle is typed again later).
 */
export class ExprTyper {
  readonly exprs = new Map<Expr, ExprIR>();
  readonly constants = new Map<string, ExprIR>();
  readonly vars = new Map<string, TypeIR>();
  readonly roleRefs: Ident[] = [];
  /** Each `event.<f>` expression in an `on` transition → that event's payload (null types: unresolved). */
  readonly eventPayloads = new Map<Expr, { event: string; fields: Map<string, TypeIR | null> }>();
  private readonly resolving = new Set<string>();
  private silentFailures = 0;

  constructor(
    readonly scope: FlowScope,
    readonly report: Reporter,
    readonly inputTypes: Map<string, TypeIR>,
    readonly tables: Map<string, TypedTable>,
  ) {}

  type(expr: Expr, site: Site, expected?: TypeIR): ExprIR | null {
    const known = this.exprs.get(expr);
    if (known) return known;
    const ir = this.compute(expr, site, expected);
    if (ir) this.exprs.set(expr, ir);
    return ir;
  }

  /** Types `expr` and requires it to fit `expected`; `what` names it in the message ("The guard"). */
  typeAs(expr: Expr, site: Site, expected: TypeIR, what: string): ExprIR | null {
    const ir = this.type(expr, site, expected);
    if (!ir || assignable(ir.type, expected)) return ir;
    this.mismatch(expr, ir.type, expected, `${what} must be ${typeName(expected)}, not ${typeName(ir.type)}`);
    return null;
  }

  /** Reports a value of type `actual` where `expected` is wanted, with the most specific code. */
  mismatch(expr: Expr, actual: TypeIR, expected: TypeIR, message: string, code = 'type/mismatch'): void {
    const mixed = binaryType('==', expected, actual, { right: numberText(expr) });
    if (expected.kind === 'bool') {
      this.report.error(
        expr.span,
        'type/not-bool',
        message,
        'a condition is a comparison or a bool, e.g. `input.discount > 5%`',
      );
    } else if (!mixed.ok && mixed.code !== 'type/mismatch' && code === 'type/mismatch') {
      this.report.error(expr.span, mixed.code, message, mixed.hint);
    } else {
      const hint =
        (!mixed.ok && mixed.hint) || `${typeName(expected)} is written e.g. \`${exampleOf(expected)}\``;
      this.report.error(expr.span, code, message, hint);
    }
  }

  /** The inlined value of constant `name` (a literal), resolving it on first use. */
  constant(name: string): ExprIR | null {
    const known = this.constants.get(name);
    if (known) return known;
    const decl = this.scope.consts.get(name);
    if (!decl) return null;
    if (this.resolving.has(`const:${name}`)) {
      this.report.error(
        decl.name.span,
        'flow/constant-cycle',
        `The constant ${name} is defined in terms of itself`,
        'give it a literal value, e.g. `24h`',
      );
      return null;
    }
    this.resolving.add(`const:${name}`);
    const ir = this.type(decl.value, 'const');
    this.resolving.delete(`const:${name}`);
    if (!ir) return null;
    if (!isLiteralIR(ir)) {
      this.report.error(
        decl.value.span,
        'flow/not-constant',
        `The value of the constant ${name} is not a literal`,
        'constants hold literals, e.g. `const REVIEW_SLA = 24h`',
      );
      return null;
    }
    this.constants.set(name, ir);
    return ir;
  }

  /** The type of variable `name`: that of the first `set` whose value types without needing the variable itself. */
  varType(name: string): TypeIR | null {
    const known = this.vars.get(name);
    if (known) return known;
    const sets = this.scope.vars.get(name) ?? [];
    if (this.resolving.has(`var:${name}`)) {
      this.silentFailures++;
      return null;
    }
    this.resolving.add(`var:${name}`);
    const failuresBefore = this.silentFailures;
    let found: TypeIR | null = null;
    for (const set of sets) {
      found = this.type(set.value, 'flow')?.type ?? null;
      if (found) break;
    }
    this.resolving.delete(`var:${name}`);
    if (found) this.vars.set(name, found);
    else if (this.silentFailures > failuresBefore && sets.length > 0) {
      this.report.error(
        sets[0].name.span,
        'flow/variable-cycle',
        `The type of var.${name} depends only on itself`,
        `give it a plain first value, e.g. \`set ${name} = 0\``,
      );
    }
    return found;
  }

  private compute(expr: Expr, site: Site, expected?: TypeIR): ExprIR | null {
    if (isLiteralExpr(expr)) {
      const ir = literalIR(expr);
      if ('tooLarge' in ir) {
        this.report.error(
          expr.span,
          'type/number-too-large',
          'This integer is too large to be exact',
          'write it as a decimal, e.g. `12345678901234567.0`',
        );
        return null;
      }
      return ir;
    }
    switch (expr.k) {
      case 'error':
        return null;
      case 'name':
        return typeBareName(this, expr, site, expected);
      case 'member':
        return typeMember(this, expr, site);
      case 'call':
        return typeCall(this, expr, site);
      case 'unary':
        return this.unary(expr, site);
      case 'binary':
        return this.binary(expr, site);
      case 'if':
        return this.conditional(expr, site, expected);
      case 'list':
        return this.list(expr, site, expected);
      case 'range':
        this.report.error(
          expr.span,
          'type/range-outside-in',
          'A range is not a value: it stands only on the right of `in`',
          'test membership with `x in [lo .. hi)`, or write a list `[a, b]`',
        );
        return null;
    }
  }

  private unary(expr: Extract<Expr, { k: 'unary' }>, site: Site): ExprIR | null {
    if (expr.op === 'not') {
      const arg = this.typeAs(expr.arg, site, T.bool, 'The operand of `not`');
      return arg && { k: 'unary', type: T.bool, op: 'not', arg };
    }
    const arg = this.type(expr.arg, site);
    if (!arg) return null;
    if (!isNumeric(arg.type)) {
      this.report.error(
        expr.arg.span,
        'type/mismatch',
        `\`-\` needs a number, percent or money, not ${typeName(arg.type)}`,
        'negate a number (`-5`), a percent (`-2%`) or money (`-100 CNY`)',
      );
      return null;
    }
    return (arg.k === 'lit' && negateLiteral(arg)) || { k: 'unary', type: arg.type, op: 'neg', arg };
  }

  private binary(expr: Extract<Expr, { k: 'binary' }>, site: Site): ExprIR | null {
    const op: BinaryOp = expr.op;
    if (op === 'and' || op === 'or') {
      const left = this.typeAs(expr.left, site, T.bool, `The left side of \`${op}\``);
      const right = this.typeAs(expr.right, site, T.bool, `The right side of \`${op}\``);
      return left && right && { k: 'binary', type: T.bool, op, left, right };
    }
    if (op === 'in' && expr.right.k === 'range')
      return typeRangeMembership(this, expr.left, expr.right, site);
    const [left, right] = this.operands(expr, site);
    if (!left || !right) return null;
    const result = binaryType(op, left.type, right.type, {
      left: numberText(expr.left),
      right: numberText(expr.right),
    });
    if (!result.ok) {
      const blamed: Span = (result.blame === 'left' ? expr.left : expr.right).span;
      this.report.error(blamed, result.code, result.message, result.hint);
      return null;
    }
    return { k: 'binary', type: result.type, op, left, right };
  }

  /** Types both operands; for `==`, `!=` and `in` a bare enum value on one side takes its type from the other. */
  private operands(expr: Extract<Expr, { k: 'binary' }>, site: Site): [ExprIR | null, ExprIR | null] {
    const equality = expr.op === '==' || expr.op === '!=' || expr.op === 'in';
    if (equality && expr.left.k === 'name' && !isKnownName(this, expr.left.name, site)) {
      const right = this.type(expr.right, site);
      const hint =
        right && (expr.op !== 'in' ? right.type : right.type.kind === 'list' ? right.type.of : undefined);
      return [this.type(expr.left, site, hint ?? undefined), right];
    }
    const left = this.type(expr.left, site);
    const expected = left && (expr.op === 'in' ? T.list(left.type) : left.type);
    return [left, this.type(expr.right, site, expected ?? undefined)];
  }

  private conditional(expr: Extract<Expr, { k: 'if' }>, site: Site, expected?: TypeIR): ExprIR | null {
    const cond = this.typeAs(expr.cond, site, T.bool, 'The condition of `if`');
    const then = this.type(expr.then, site, expected);
    const otherwise = this.type(expr.else, site, expected ?? then?.type);
    if (!cond || !then || !otherwise) return null;
    const type = unify(then.type, otherwise.type);
    if (!type) {
      this.mismatch(
        expr.else,
        otherwise.type,
        then.type,
        `Both branches of \`if\` must have one type: ${typeName(then.type)} and ${typeName(otherwise.type)}`,
      );
      return null;
    }
    return { k: 'if', type, cond, then, else: otherwise };
  }

  private list(expr: Extract<Expr, { k: 'list' }>, site: Site, expected?: TypeIR): ExprIR | null {
    let element: TypeIR | undefined = expected?.kind === 'list' ? expected.of : undefined;
    const items: ExprIR[] = [];
    let failed = false;
    for (const item of expr.items) {
      const ir = this.type(item, site, element);
      if (!ir) {
        failed = true;
        continue;
      }
      const common = element ? unify(element, ir.type) : ir.type;
      if (!common) {
        this.mismatch(
          item,
          ir.type,
          element ?? ir.type,
          `List items must have one type: ${typeName(element ?? ir.type)} and ${typeName(ir.type)}`,
        );
        failed = true;
        continue;
      }
      element = common;
      items.push(ir);
    }
    return failed ? null : { k: 'list', type: T.list(element ?? T.null), items };
  }
}
