import type { Ident } from '../ast/expr';
import type { FieldDecl, TypeNode } from '../ast/flow';
import { joinSpans } from '../ast/span';
import type { TokenStream } from './token-stream';

/**
 * `type = name ["(" name ")"] | name "|" name {"|" name}` — `percent`, `money(CNY)`, `list(user)`, or an
 * inline enum `full | mortgage | instalments`. Whether the name is a known type is the checker's call.
 */
export function parseType(ts: TokenStream): TypeNode | null {
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
  if (!ts.isPunct('(') || ts.peek().newlineBefore) return { k: 'named', name, span: name.span };
  ts.next();
  const arg = ts.expectName(name.name === 'money' ? 'a currency code such as CNY' : 'a type');
  const close = ts.expectPunct(')', `to close ${name.name}(…)`);
  if (!arg) return { k: 'named', name, span: name.span };
  return { k: 'named', name, arg, span: joinSpans(name.span, close?.span ?? arg.span) };
}

/** `name: type` or `name?: type`. */
export function parseField(ts: TokenStream, what: string): FieldDecl | null {
  const name = ts.expectName(what);
  if (!name) return null;
  const optional = ts.acceptPunct('?') !== null;
  if (!ts.expectPunct(':', `after "${name.name}"`)) return null;
  const type = parseType(ts);
  if (!type) return null;
  return { name, optional, type, span: joinSpans(name.span, type.span) };
}
