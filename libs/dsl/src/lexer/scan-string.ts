import type { Span } from '../ast/span';
import type { Cursor } from './lexer';

export interface ScannedString {
  value: string;
  errors: { code: string; message: string; hint?: string; span?: Span }[];
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/**
 * Scans a double-quoted string starting at its opening quote. Strings end on the same line; an
 * unterminated one ends at the line break and is reported at the opening quote.
 */
export function scanString(cursor: Cursor): ScannedString {
  const open = cursor.mark();
  cursor.advance();
  let value = '';
  const errors: ScannedString['errors'] = [];
  for (;;) {
    if (cursor.done() || cursor.peek() === '\n') {
      const span = cursor.spanFrom(open);
      errors.push({
        code: 'syntax/unterminated-string',
        message: 'Unterminated string',
        hint: 'close it with `"` on the same line',
        span: { ...span, endLine: span.line, endColumn: span.column + 1, endOffset: span.offset + 1 },
      });
      return { value, errors };
    }
    const c = cursor.peek();
    if (c === '"') {
      cursor.advance();
      return { value, errors };
    }
    if (c === '\\') {
      const escapeStart = cursor.mark();
      cursor.advance();
      const e = cursor.peek();
      if (e in ESCAPES) {
        value += ESCAPES[e];
        cursor.advance();
      } else {
        if (e !== '\n' && !cursor.done()) cursor.advance();
        errors.push({
          code: 'syntax/bad-escape',
          message: `Unknown escape "\\${e}" in a string`,
          hint: 'the escapes are \\" \\\\ \\n \\t',
          span: cursor.spanFrom(escapeStart),
        });
      }
      continue;
    }
    value += c;
    cursor.advance();
  }
}
