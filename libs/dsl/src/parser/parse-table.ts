import type { CellExpr, Expr } from '../ast/expr';
import type { FieldDecl, TableDecl, TableRow } from '../ast/flow';
import { joinSpans, type Span } from '../ast/span';
import type { ExprParser } from './parse-expr';
import { parseField } from './parse-type';
import { atFlowMember } from './sync';
import type { TokenStream } from './token-stream';

/** A table may hold at most this many rows; more is a diagnostic (tables are read by people). */
export const MAX_TABLE_ROWS = 1000;

/**
 * `table name(a: T, …) -> out: V[, …] hit <policy> [aggregate] { | cell | … | output | … }`, one row per
 * line. Called with the `table` keyword current; returns null when the header is unreadable.
 */
export function parseTable(ts: TokenStream, exprs: ExprParser): TableDecl | null {
  const start = ts.next().span;
  const name = ts.expectName('a table name');
  if (!name || !ts.expectPunct('(', `after the table name "${name.name}"`)) return null;
  const params = parseFields(ts, 'a column name', (s) => s.isPunct(')'));
  if (
    !ts.expectPunct(')', 'to close the table columns') ||
    !ts.expectPunct('->', "before the table's outputs")
  )
    return null;
  const parenthesised = ts.acceptPunct('(') !== null;
  const outputs = parseFields(ts, 'an output name', (s) =>
    parenthesised ? s.isPunct(')') : s.isWord('hit'),
  );
  if (parenthesised && !ts.expectPunct(')', 'to close the outputs')) return null;
  if (!ts.expectWord('hit', 'after the outputs', 'write `hit unique` or `hit first`')) return null;
  const hit = ts.expectName('a hit policy (unique, first, any, collect)');
  if (!hit) return null;
  const aggregate =
    ts.peek().kind === 'ident' && !ts.peek().newlineBefore
      ? (ts.expectName('an aggregate') ?? undefined)
      : undefined;
  if (!ts.expectPunct('{', 'to open the table rows')) return null;
  const rows = parseRows(ts, exprs, params.length);
  const close = ts.expectPunct('}', `to close the table "${name.name}"`);
  const span = joinSpans(start, close?.span ?? ts.previous?.span ?? start);
  return { name, params, outputs, hit, aggregate, rows, span };
}

function parseFields(ts: TokenStream, what: string, atEnd: (ts: TokenStream) => boolean): FieldDecl[] {
  const fields: FieldDecl[] = [];
  while (!atEnd(ts) && !ts.atEof()) {
    const field = parseField(ts, what);
    if (!field) break;
    fields.push(field);
    if (!ts.acceptPunct(',')) break;
  }
  return fields;
}

function parseRows(ts: TokenStream, exprs: ExprParser, inputCount: number): TableRow[] {
  const rows: TableRow[] = [];
  while (!ts.isPunct('}') && !ts.atEof()) {
    // A flow-level member at the start of a line means the table's `}` is missing.
    if (ts.peek().newlineBefore && atFlowMember(ts)) break;
    if (ts.isPunct('|')) {
      const row = parseRow(ts, exprs, inputCount);
      if (rows.length === MAX_TABLE_ROWS) {
        ts.error(
          row.span,
          'limit/too-many-rows',
          `A table may have at most ${MAX_TABLE_ROWS} rows`,
          'split it into several tables',
        );
      }
      rows.push(row);
    } else {
      ts.unexpected('a table row starting with `|`', 'a row is written `| cell | … | output |` on one line');
    }
    if (ts.panic) {
      ts.skipUntil(() => ts.peek().newlineBefore && (ts.isPunct('|') || atFlowMember(ts)));
      ts.panic = false;
    }
  }
  return rows;
}

function parseRow(ts: TokenStream, exprs: ExprParser, inputCount: number): TableRow {
  const open = ts.next().span;
  const cells: CellExpr[] = [];
  const outputs: Expr[] = [];
  let end: Span = open;
  for (let i = 0; ; i++) {
    if (i < inputCount) cells.push(parseCell(ts, exprs));
    else outputs.push(ts.isPunct('|') ? emptyCell(ts) : exprs.parseExpr());
    if (!ts.isPunct('|') || ts.peek().newlineBefore) {
      ts.unexpected('`|` to end the cell', 'a row is written `| cell | … | output |` on one line');
      break;
    }
    end = ts.next().span;
    if (ts.peek().newlineBefore || ts.isPunct('}') || ts.atEof()) break;
  }
  return { cells, outputs, span: joinSpans(open, end) };
}

function parseCell(ts: TokenStream, exprs: ExprParser): CellExpr {
  const t = ts.peek();
  if (ts.isPunct('|')) return emptyCell(ts);
  if (ts.isPunct('-') && (ts.isPunct('|', 1) || ts.peek(1).newlineBefore)) {
    ts.next();
    return { k: 'any', span: t.span };
  }
  if (t.kind === 'punct' && ['<', '<=', '>', '>=', '!='].includes(t.text)) {
    ts.next();
    const value = exprs.parseExpr();
    return {
      k: 'cmp',
      op: t.text as '<' | '<=' | '>' | '>=' | '!=',
      value,
      span: joinSpans(t.span, value.span),
    };
  }
  // `[lo .. hi)` parses as a range expression, shared with `x in [lo .. hi)`.
  const first = exprs.parseExpr();
  if (first.k === 'range') return first;
  if (!ts.isPunct(',')) return { k: 'eq', value: first, span: first.span };
  const values: Expr[] = [first];
  while (ts.acceptPunct(',') && !ts.panic) values.push(exprs.parseExpr());
  return { k: 'in', values, span: joinSpans(first.span, values[values.length - 1].span) };
}

function emptyCell(ts: TokenStream): { k: 'error'; span: Span } {
  const span = ts.peek().span;
  ts.error(span, 'syntax/empty-cell', 'Empty table cell', 'write `-` to match any value');
  return { k: 'error', span };
}
