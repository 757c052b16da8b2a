import type { Diagnostic } from '../diagnostics/diagnostic';
import { errorAt } from '../ast/diagnose';
import type { Ident } from '../ast/expr';
import { spanAfter, type Span } from '../ast/span';
import { RESERVED_WORDS, type Token } from '../lexer/token';

/** What to write when an expected punctuation mark is missing. */
const PUNCT_HINTS: Record<string, string> = {
  '}': 'every `{` needs a matching `}`',
  ')': 'every `(` needs a matching `)`',
  ']': 'every `[` needs a matching `]`',
  '{': 'the body of a flow, state or table is written in `{ … }`',
  '(': 'write the arguments in parentheses, e.g. `role(sales_manager)`',
  '->': 'a transition is written `on <event> -> <state>` or `always -> <state>`',
  ':': 'a field is written `name: type`',
  '=': 'write `const NAME = value` or `set name = value`',
};

/**
 * The parser's cursor over the tokens, with panic-mode error recovery: the first error inside a member
 * sets `panic`, later errors are suppressed (they are usually echoes of the first), and the member loop
 * skips to a synchronisation point and clears it. Every parse function must either consume a token or
 * return, so loops always progress.
 */
export class TokenStream {
  pos = 0;
  panic = false;
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly tokens: Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  get previous(): Token | undefined {
    return this.pos > 0 ? this.tokens[this.pos - 1] : undefined;
  }

  atEof(): boolean {
    return this.peek().kind === 'eof';
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  isPunct(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === text;
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.text === word;
  }

  acceptPunct(text: string): Token | null {
    return this.isPunct(text) ? this.next() : null;
  }

  acceptWord(word: string): Token | null {
    return this.isWord(word) ? this.next() : null;
  }

  expectPunct(text: string, context?: string, hint?: string): Token | null {
    if (this.isPunct(text)) return this.next();
    this.unexpected(`\`${text}\`${context ? ` ${context}` : ''}`, hint ?? PUNCT_HINTS[text]);
    return null;
  }

  expectWord(word: string, context?: string, hint?: string): Token | null {
    if (this.isWord(word)) return this.next();
    this.unexpected(`\`${word}\`${context ? ` ${context}` : ''}`, hint);
    return null;
  }

  /** A name (not a reserved word), described as `what` in the error when missing. */
  expectName(what: string): Ident | null {
    const t = this.peek();
    if (t.kind === 'ident' && RESERVED_WORDS.has(t.text)) {
      this.error(
        t.span,
        'syntax/reserved-word',
        `"${t.text}" is a reserved word and cannot be used as ${what}`,
        `choose another name, e.g. "${t.text}_"`,
      );
      return null;
    }
    if (t.kind === 'ident') {
      this.next();
      return { name: t.text, span: t.span };
    }
    this.unexpected(what, 'a name is ASCII letters, digits and `_`, starting with a letter');
    return null;
  }

  /** Reports `Expected <what> but found …` where the missing token belongs. */
  unexpected(what: string, hint?: string): void {
    const t = this.peek();
    const found =
      t.kind === 'eof'
        ? 'the end of the file'
        : this.isLineStart()
          ? 'the end of the line'
          : t.kind === 'string'
            ? `the string ${t.text}`
            : `"${t.text}"`;
    this.error(this.hereSpan(), 'syntax/unexpected-token', `Expected ${what} but found ${found}`, hint);
  }

  /** Where a missing token belongs: just after the previous token when the current one starts a new line. */
  hereSpan(): Span {
    const prev = this.previous;
    return this.isLineStart() && prev ? spanAfter(prev.span) : this.peek().span;
  }

  isLineStart(): boolean {
    const t = this.peek();
    return t.kind !== 'eof' && t.newlineBefore && this.pos > 0;
  }

  /** Records an error unless one is already being recovered from; enters panic mode. */
  error(span: Span, code: string, message: string, hint?: string): void {
    if (!this.panic && !this.previous?.malformed) this.diagnostics.push(errorAt(span, code, message, hint));
    this.panic = true;
  }

  /**
   * Skips tokens until `stop` accepts the current one at brace depth 0, or a `}` closes the enclosing block (left
   * unconsumed for the caller). Braces opened while skipping are skipped whole.
   */
  skipUntil(stop: () => boolean): void {
    let depth = 0;
    while (!this.atEof()) {
      if (depth === 0 && (stop() || this.isPunct('}'))) return;
      if (this.isPunct('{')) depth++;
      if (this.isPunct('}')) depth--;
      this.next();
    }
  }
}
