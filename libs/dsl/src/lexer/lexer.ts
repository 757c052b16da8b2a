import type { Diagnostic } from '../diagnostics/diagnostic';
import { errorAt } from '../ast/diagnose';
import type { Span } from '../ast/span';
import { scanNumber } from './scan-number';
import { scanString } from './scan-string';
import { PUNCTUATION, type Token, type TokenKind } from './token';

/** Sources larger than this many UTF-8 bytes are refused before parsing (a `.flow` file is a few KiB). */
export const MAX_SOURCE_BYTES = 256 * 1024;

export interface LexResult {
  /** Always ends with an `eof` token. */
  tokens: Token[];
  diagnostics: Diagnostic[];
}

// Character-code tests, not regular expressions: they run once per source character.
const isDigit = (x: number): boolean => x >= 48 && x <= 57;
const isIdentStart = (c: string): boolean => {
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95;
};
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c.charCodeAt(0));

/**
 * Splits a source into tokens. Never throws: characters it cannot read become one
 * `syntax/unexpected-character` diagnostic per run, and scanning continues after them.
 */
export function lex(source: string): LexResult {
  const cursor = new Cursor(source);
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let newlineBefore = true;
  while (!cursor.done()) {
    const c = cursor.peek();
    if (c === '\n') {
      newlineBefore = true;
      cursor.advance();
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      cursor.advance();
    } else if (c === '/' && cursor.peek(1) === '/') {
      while (!cursor.done() && cursor.peek() !== '\n') cursor.advance();
    } else {
      const token = scanToken(cursor, diagnostics, newlineBefore);
      if (token) {
        tokens.push(token);
        newlineBefore = false;
      }
    }
  }
  const end = cursor.mark();
  tokens.push({ kind: 'eof', text: '', value: '', span: cursor.spanFrom(end), newlineBefore: true });
  return { tokens, diagnostics };
}

function scanToken(cursor: Cursor, diagnostics: Diagnostic[], newlineBefore: boolean): Token | null {
  const start = cursor.mark();
  const c = cursor.peek();
  const make = (kind: TokenKind, value?: string): Token => {
    const span = cursor.spanFrom(start);
    const text = cursor.source.slice(span.offset, span.endOffset);
    return { kind, text, value: value ?? text, span, newlineBefore };
  };
  if (isIdentStart(c)) {
    while (!cursor.done() && isIdentPart(cursor.peek())) cursor.advance();
    return make('ident');
  }
  if (isDigit(c.charCodeAt(0))) {
    const scanned = scanNumber(cursor);
    if (scanned.error) diagnostics.push(errorAt(cursor.spanFrom(start), ...scanned.error));
    const token = make(scanned.kind, scanned.value);
    if (scanned.malformed) token.malformed = true;
    return token;
  }
  if (c === '"') {
    const scanned = scanString(cursor);
    for (const e of scanned.errors)
      diagnostics.push(errorAt(e.span ?? cursor.spanFrom(start), e.code, e.message, e.hint));
    const token = make('string', scanned.value);
    // An unterminated string swallows the rest of its line; what the parser would say next is an echo.
    if (scanned.errors.some((e) => e.code === 'syntax/unterminated-string')) token.malformed = true;
    return token;
  }
  const punct = PUNCTUATION.find((p) => cursor.source.startsWith(p, cursor.offset));
  if (punct) {
    cursor.advance(punct.length);
    return make('punct');
  }
  // One diagnostic for a whole run of unreadable characters.
  while (!cursor.done() && !isReadable(cursor)) cursor.advance();
  const span = cursor.spanFrom(start);
  const text = cursor.source.slice(span.offset, span.endOffset);
  diagnostics.push(
    errorAt(
      span,
      'syntax/unexpected-character',
      `Unexpected character${text.length > 1 ? 's' : ''} ${JSON.stringify(text)}`,
      'names are ASCII letters, digits and `_`; other text belongs in "quoted strings"',
    ),
  );
  return null;
}

function isReadable(cursor: Cursor): boolean {
  const c = cursor.peek();
  return (
    /[\sA-Za-z0-9_"]/.test(c) ||
    (c === '/' && cursor.peek(1) === '/') ||
    PUNCTUATION.some((p) => cursor.source.startsWith(p, cursor.offset))
  );
}

/** A position in the source that tracks line and column as it advances. */
export class Cursor {
  offset = 0;
  private line = 1;
  private column = 1;

  constructor(readonly source: string) {}

  done(): boolean {
    return this.offset >= this.source.length;
  }

  peek(ahead = 0): string {
    return this.source.charAt(this.offset + ahead);
  }

  advance(count = 1): void {
    for (let i = 0; i < count && !this.done(); i++) {
      if (this.source.charAt(this.offset) === '\n') {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
      this.offset++;
    }
  }

  mark(): { line: number; column: number; offset: number } {
    return { line: this.line, column: this.column, offset: this.offset };
  }

  spanFrom(start: { line: number; column: number; offset: number }): Span {
    return {
      line: start.line,
      column: start.column,
      offset: start.offset,
      endLine: this.line,
      endColumn: this.column,
      endOffset: this.offset,
    };
  }
}
