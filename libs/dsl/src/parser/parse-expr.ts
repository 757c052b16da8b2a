import { childExprs } from '../ast/child-exprs';
import type { BinaryOpText, Expr } from '../ast/expr';
import { joinSpans, type Span } from '../ast/span';
import { RESERVED_WORDS, type Token } from '../lexer/token';
import type { TokenStream } from './token-stream';

/** Expressions nest at most this deep (parentheses, operators, calls, lists); deeper is a diagnostic. */
export const MAX_NESTING = 64;

const COMPARISON: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);
const EXPRESSION_WORDS: ReadonlySet<string> = new Set(['if', 'not', 'true', 'false', 'null']);

/** True when `t` can begin an expression (used to decide whether a list goes on). */
export function canStartExpr(t: Token): boolean {
  if (t.kind === 'ident') return !RESERVED_WORDS.has(t.text) || EXPRESSION_WORDS.has(t.text);
  if (t.kind === 'punct') return t.text === '(' || t.text === '[' || t.text === '-';
  return t.kind !== 'eof';
}

/**
 * Recursive descent over the expression grammar, lowest precedence first:
 * `if`/`or` < `and` < `not` < comparison/`in` (non-associative) < `+ -` < `* /` < unary `-` < postfix.
 * A range `[lo .. hi)` is a primary (only meaningful after `in`, which the checker enforces).
 * Nesting is bounded twice: recursion depth (each parenthesis, argument list, list, `if`, `not` and unary
 * `-` is one level) and tree depth (long operator chains), so no input can overflow the stack.
 */
export class ExprParser {
  private recursion = 0;
  private readonly depths = new WeakMap<Expr, number>();

  constructor(private readonly ts: TokenStream) {}

  parseExpr(): Expr {
    if (this.recursion >= MAX_NESTING) return this.tooDeep(this.ts.peek().span);
    this.recursion++;
    try {
      if (this.ts.isWord('if')) return this.parseIf();
      return this.parseOr();
    } finally {
      this.recursion--;
    }
  }

  private parseIf(): Expr {
    const start = this.ts.next().span;
    const cond = this.parseExpr();
    this.ts.expectWord('then', 'after the condition of `if`');
    const then = this.parseExpr();
    this.ts.expectWord('else', 'in `if … then … else …`', 'every `if` needs an `else`');
    const otherwise = this.parseExpr();
    return this.node({ k: 'if', cond, then, else: otherwise, span: joinSpans(start, otherwise.span) });
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.ts.isWord('or')) left = this.binary('or', left, this.ts.next().span, this.parseAnd());
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.ts.isWord('and')) left = this.binary('and', left, this.ts.next().span, this.parseNot());
    return left;
  }

  private parseNot(): Expr {
    if (!this.ts.isWord('not')) return this.parseComparison();
    const start = this.ts.next().span;
    const arg = this.nested(() => this.parseNot());
    return this.node({ k: 'unary', op: 'not', arg, span: joinSpans(start, arg.span) });
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const op = this.comparisonOp();
    if (!op) return left;
    const opSpan = this.ts.next().span;
    const result = this.binary(op, left, opSpan, this.parseAdditive());
    if (this.comparisonOp()) {
      const t = this.ts.peek();
      this.ts.error(
        t.span,
        'syntax/chained-comparison',
        `Comparisons do not chain: "${t.text}" after a comparison`,
        'combine two comparisons with `and`',
      );
    }
    return result;
  }

  private comparisonOp(): BinaryOpText | null {
    const t = this.ts.peek();
    if (t.kind === 'punct' && COMPARISON.has(t.text)) return t.text as BinaryOpText;
    return this.ts.isWord('in') ? 'in' : null;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.ts.isPunct('+') || this.ts.isPunct('-')) {
      const op = this.ts.peek().text as '+' | '-';
      left = this.binary(op, left, this.ts.next().span, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.ts.isPunct('*') || this.ts.isPunct('/')) {
      const op = this.ts.peek().text as '*' | '/';
      left = this.binary(op, left, this.ts.next().span, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Expr {
    if (!this.ts.isPunct('-')) return this.parsePostfix();
    const start = this.ts.next().span;
    const arg = this.nested(() => this.parseUnary());
    return this.node({ k: 'unary', op: 'neg', arg, span: joinSpans(start, arg.span) });
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    while (this.ts.isPunct('.')) {
      this.ts.next();
      const field = this.ts.expectName('a field name after `.`');
      if (!field) return expr;
      expr = this.node({ k: 'member', object: expr, field, span: joinSpans(expr.span, field.span) });
    }
    return expr;
  }

  private parsePrimary(): Expr {
    const t = this.ts.peek();
    if (t.malformed && t.kind !== 'string') {
      // Already reported by the lexer; its value means nothing, so nothing downstream should check it.
      this.ts.next();
      return { k: 'error', span: t.span };
    }
    switch (t.kind) {
      case 'int':
      case 'decimal':
        return this.parseNumber();
      case 'percent':
        this.ts.next();
        return { k: 'percent', value: t.value, span: t.span };
      case 'duration':
        this.ts.next();
        return { k: 'duration', value: t.value, span: t.span };
      case 'string':
        this.ts.next();
        return { k: 'string', value: t.value, span: t.span };
      case 'ident':
        return this.parseWord(t);
      case 'punct':
        if (t.text === '(') return this.parseParenthesised();
        if (t.text === '[') return this.parseList();
        break;
      case 'eof':
        break;
    }
    this.ts.unexpected('an expression', 'e.g. `input.discount <= 5%`');
    return { k: 'error', span: this.ts.hereSpan() };
  }

  private parseNumber(): Expr {
    const t = this.ts.next();
    const after = this.ts.peek();
    if (after.kind === 'ident' && !after.newlineBefore && /^[A-Z]{3}$/.test(after.text)) {
      this.ts.next();
      return { k: 'money', amount: t.value, currency: after.text, span: joinSpans(t.span, after.span) };
    }
    if (t.kind === 'int' && after.kind === 'ident' && !after.newlineBefore && after.text === 'workdays') {
      this.ts.next();
      return { k: 'duration', value: `${t.value} workdays`, span: joinSpans(t.span, after.span) };
    }
    return t.kind === 'int'
      ? { k: 'int', value: t.value, text: t.text, span: t.span }
      : { k: 'decimal', value: t.value, text: t.text, span: t.span };
  }

  private parseWord(t: Token): Expr {
    if (t.text === 'true' || t.text === 'false') {
      this.ts.next();
      return { k: 'bool', value: t.text === 'true', span: t.span };
    }
    if (t.text === 'null') {
      this.ts.next();
      return { k: 'null', span: t.span };
    }
    if (t.text === 'if') return this.parseExpr();
    if (RESERVED_WORDS.has(t.text)) {
      this.ts.unexpected('an expression', `"${t.text}" is a reserved word`);
      return { k: 'error', span: this.ts.hereSpan() };
    }
    this.ts.next();
    const callee = { name: t.text, span: t.span };
    if (!this.ts.isPunct('(') || this.ts.peek().newlineBefore)
      return { k: 'name', name: t.text, span: t.span };
    this.ts.next();
    const args = this.parseItems(')');
    const close = this.ts.expectPunct(')', `to close the arguments of ${t.text}(…)`);
    return this.node({ k: 'call', callee, args, span: joinSpans(t.span, close?.span ?? this.ts.hereSpan()) });
  }

  /** `( expr )`, or the range `(lo .. hi]` / `(lo .. hi)` when `..` follows the first expression. */
  private parseParenthesised(): Expr {
    const open = this.ts.next();
    const inner = this.parseExpr();
    if (this.ts.isPunct('..')) return this.parseRangeRest(open, inner);
    this.ts.expectPunct(')', 'to close `(`');
    return inner;
  }

  /** `[a, b, …]`, or the range `[lo .. hi]` / `[lo .. hi)` when `..` follows the first item. */
  private parseList(): Expr {
    const open = this.ts.next();
    if (!this.ts.isPunct(']') && !this.ts.atEof()) {
      const first = this.parseExpr();
      if (this.ts.isPunct('..')) return this.parseRangeRest(open, first);
      if (this.ts.acceptPunct(',') && !this.ts.panic)
        return this.finishList(open, [first, ...this.parseItems(']')]);
      return this.finishList(open, [first]);
    }
    return this.finishList(open, []);
  }

  private finishList(open: Token, items: Expr[]): Expr {
    const close = this.ts.expectPunct(']', 'to close the list');
    return this.node({ k: 'list', items, span: joinSpans(open.span, close?.span ?? this.ts.hereSpan()) });
  }

  /**
   * The rest of a range after its opening bracket and lower bound, with `..` current. The one-token
   * look-ahead (`..` after the first expression) decides between range, list and parentheses, so
   * nothing is parsed twice however deeply ranges nest.
   */
  private parseRangeRest(open: Token, lo: Expr): Expr {
    this.ts.next();
    const hi = this.parseExpr();
    const close = this.ts.isPunct(']') || this.ts.isPunct(')') ? this.ts.next() : null;
    if (!close) {
      this.ts.unexpected(
        '`]` or `)` to close the range',
        'a range is written `[lo .. hi)`: `[`/`]` include the bound, `(`/`)` exclude it',
      );
      // Already reported; an unclosed range would only echo as type errors.
      return { k: 'error', span: joinSpans(open.span, hi.span) };
    }
    return this.node({
      k: 'range',
      lo,
      hi,
      loInclusive: open.text === '[',
      hiInclusive: close.text === ']',
      span: joinSpans(open.span, close.span),
    });
  }

  /** Comma-separated expressions up to (not including) `close`; a trailing comma is allowed. */
  private parseItems(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.ts.isPunct(close) && !this.ts.atEof()) {
      items.push(this.parseExpr());
      if (!this.ts.acceptPunct(',') || this.ts.panic) break;
    }
    return items;
  }

  private nested(parse: () => Expr): Expr {
    if (this.recursion >= MAX_NESTING) return this.tooDeep(this.ts.peek().span);
    this.recursion++;
    try {
      return parse();
    } finally {
      this.recursion--;
    }
  }

  private binary(op: BinaryOpText, left: Expr, opSpan: Span, right: Expr): Expr {
    return this.node({ k: 'binary', op, left, right, opSpan, span: joinSpans(left.span, right.span) });
  }

  /** Records the tree depth of a composite node; a node deeper than the limit becomes an error node. */
  private node(expr: Expr): Expr {
    const depth = 1 + childExprs(expr).reduce((max, c) => Math.max(max, this.depths.get(c) ?? 1), 0);
    if (depth > MAX_NESTING) return this.tooDeep(expr.span);
    this.depths.set(expr, depth);
    return expr;
  }

  private tooDeep(span: Span): Expr {
    this.ts.error(
      span,
      'limit/nesting-too-deep',
      `Expression nested more than ${MAX_NESTING} levels deep`,
      'split it with `set` actions or a decision table',
    );
    return { k: 'error', span };
  }
}
