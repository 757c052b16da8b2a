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
const isIdentStartCode = (x: number): boolean => (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 95;
const isIdentPartCode = (x: number): boolean => isIdentStartCode(x) || isDigit(x);

/** `PUNCTUATION` grouped by first character, each group longest first as in the list. */
const PUNCTUATION_BY_FIRST = new Map<number, string[]>();
for (const p of PUNCTUATION) {
  const group = PUNCTUATION_BY_FIRST.get(p.charCodeAt(0)) ?? [];
  group.push(p);
  PUNCTUATION_BY_FIRST.set(p.charCodeAt(0), group);
}

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
  const code = cursor.source.charCodeAt(cursor.offset);
  if (isIdentStartCode(code)) {
    let end = cursor.offset + 1;
    while (end < cursor.source.length && isIdentPartCode(cursor.source.charCodeAt(end))) end++;
    cursor.advanceWithinLine(end - cursor.offset);
    return token(cursor, start, 'ident', undefined, newlineBefore);
  }
  if (isDigit(code)) {
    const scanned = scanNumber(cursor);
    if (scanned.error) diagnostics.push(errorAt(cursor.spanFrom(start), ...scanned.error));
    const made = token(cursor, start, scanned.kind, scanned.value, newlineBefore);
    if (scanned.malformed) made.malformed = true;
    return made;
  }
  if (code === 34) {
    const scanned = scanString(cursor);
    for (const e of scanned.errors)
      diagnostics.push(errorAt(e.span ?? cursor.spanFrom(start), e.code, e.message, e.hint));
    const made = token(cursor, start, 'string', scanned.value, newlineBefore);
    // An unterminated string swallows the rest of its line; what the parser would say next is an echo.
    if (scanned.errors.some((e) => e.code === 'syntax/unterminated-string')) made.malformed = true;
    return made;
  }
  const punct = punctuationAt(cursor.source, cursor.offset);
  if (punct) {
    cursor.advanceWithinLine(punct.length);
    return token(cursor, start, 'punct', undefined, newlineBefore);
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

/** The token from `start` to the cursor; `value` defaults to the text. */
function token(
  cursor: Cursor,
  start: Mark,
  kind: TokenKind,
  value: string | undefined,
  newlineBefore: boolean,
): Token {
  const span = cursor.spanFrom(start);
  const text = cursor.source.slice(span.offset, span.endOffset);
  return { kind, text, value: value ?? text, span, newlineBefore };
}

/** The punctuation mark at `offset`, longest first (`->` before `-`), or undefined. */
function punctuationAt(source: string, offset: number): string | undefined {
  const candidates = PUNCTUATION_BY_FIRST.get(source.charCodeAt(offset));
  if (candidates) for (const p of candidates) if (p.length === 1 || source.startsWith(p, offset)) return p;
  return undefined;
}

function isReadable(cursor: Cursor): boolean {
  const c = cursor.peek();
  return (
    /[\sA-Za-z0-9_"]/.test(c) ||
    (c === '/' && cursor.peek(1) === '/') ||
    PUNCTUATION.some((p) => cursor.source.startsWith(p, cursor.offset))
  );
}

/** A position in the source, as `Cursor.mark` returns it. */
export interface Mark {
  line: number;
  column: number;
  offset: number;
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

  /** Advances over `count` characters that the caller knows hold no line break. */
  advanceWithinLine(count: number): void {
    this.offset += count;
    this.column += count;
  }

  mark(): Mark {
    return { line: this.line, column: this.column, offset: this.offset };
  }

  spanFrom(start: Mark): Span {
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
