import type { Ident } from '../ast/expr';
import type { FieldDecl, TypeNode } from '../ast/flow';
import { joinSpans } from '../ast/span';
import { MAX_NESTING } from './parse-expr';
import type { TokenStream } from './token-stream';

/**
 * `type = name ["(" name ")"] | "list" "(" type ")" | "record" "{" field {"," field} "}" | name "|" name {"|" name}`
 * — `percent`, `money(CNY)`, `list(user)`, `list(record { sku: string, qty: int })`, or an inline enum
 * `full | mortgage | instalments`. Whether the name is a known type is the checker's call. Types nest at
 * most `MAX_NESTING` deep.
 */
export function parseType(ts: TokenStream, depth = 0): TypeNode | null {
  if (depth >= MAX_NESTING) {
    ts.error(
      ts.peek().span,
      'limit/nesting-too-deep',
      `Type nested more than ${MAX_NESTING} levels deep`,
      'flatten the record or list',
    );
    return null;
  }
  const name = ts.expectName('a type (string, int, decimal, bool, percent, money(CNY), duration, …)');
  if (!name) return null;
  if (ts.isPunct('|')) {
    const values: Ident[] = [name];
    while (ts.acceptPunct('|')) {
      const value = ts.expectName('an enum value after `|`');
      if (!value) break;
      values.push(value);
    }
    return { k: 'enum', values, span: joinSpans(name.span, values[values.length - 1].span) };
  }
  if (name.name === 'record' && ts.isPunct('{')) return parseRecord(ts, name, depth);
  if (!ts.isPunct('(') || ts.peek().newlineBefore) return { k: 'named', name, span: name.span };
  ts.next();
  if (name.name === 'list') {
    const of = parseType(ts, depth + 1);
    const close = ts.expectPunct(')', 'to close list(…)');
    return { k: 'list', keyword: name, of, span: joinSpans(name.span, close?.span ?? of?.span ?? name.span) };
  }
  const arg = ts.expectName(name.name === 'money' ? 'a currency code such as CNY' : 'a type');
  const close = ts.expectPunct(')', `to close ${name.name}(…)`);
  if (!arg) return { k: 'named', name, span: name.span };
  return { k: 'named', name, arg, span: joinSpans(name.span, close?.span ?? arg.span) };
}

/** `record { name: type, name?: type … }` with `{` current; fields are separated by commas or new lines. */
function parseRecord(ts: TokenStream, keyword: Ident, depth: number): TypeNode | null {
  ts.next();
  const fields: FieldDecl[] = [];
  while (!ts.isPunct('}') && !ts.atEof()) {
    const field = parseField(ts, 'a record field name', depth + 1);
    if (!field) break;
    fields.push(field);
    if (!ts.acceptPunct(',') && !ts.isPunct('}') && !ts.peek().newlineBefore) {
      ts.unexpected('`,` or `}` after a record field', 'write `record { sku: string, qty: int }`');
      break;
    }
  }
  const close = ts.expectPunct('}', 'to close `record { … }`');
  if (!close) return null;
  return { k: 'record', fields, span: joinSpans(keyword.span, close.span) };
}

/** `name: type` or `name?: type`. */
export function parseField(ts: TokenStream, what: string, depth = 0): FieldDecl | null {
  const name = ts.expectName(what);
  if (!name) return null;
  const optional = ts.acceptPunct('?') !== null;
  if (!ts.expectPunct(':', `after "${name.name}"`)) return null;
  const type = parseType(ts, depth);
  if (!type) return null;
  return { name, optional, type, span: joinSpans(name.span, type.span) };
}
