import type { Span } from '../ast/span';

/**
 * Token kinds. Words are all `ident`: keywords are recognised by the parser from their text, so a
 * contextual word (`hit`, `sla`, `by`) can still name a state or a field.
 */
export type TokenKind = 'ident' | 'int' | 'decimal' | 'percent' | 'duration' | 'string' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The text as written (for `string`, including the quotes). */
  text: string;
  /**
   * The literal's value: numbers without underscores (`50_000` → `"50000"`; for `percent` without the
   * `%`), durations in canonical form (`"24h"`, `"2 workdays"`), strings unescaped. Equal to `text` otherwise.
   */
  value: string;
  span: Span;
  /** True when a line break separates this token from the previous one (members are newline-separated). */
  newlineBefore: boolean;
  /** Set when the lexer reported this token malformed; the parser then stays quiet about what follows it. */
  malformed?: boolean;
}

/** Punctuation, longest first so the scanner can match greedily. */
export const PUNCTUATION = [
  '->',
  '==',
  '!=',
  '<=',
  '>=',
  '..',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  '?',
  '|',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '.',
] as const;

/** Words that can never be a name: they start members or belong to expressions. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'flow',
  'const',
  'table',
  'initial',
  'state',
  'final',
  'always',
  'on',
  'after',
  'task',
  'when',
  'do',
  'set',
  'notify',
  'if',
  'then',
  'else',
  'and',
  'or',
  'not',
  'in',
  'true',
  'false',
  'null',
]);

/** The units a duration literal may carry directly after its number (`30s`, `30m`, `24h`, `3d`). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['s', 'm', 'h', 'd']);
