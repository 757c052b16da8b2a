import type { Cursor } from './lexer';
import { DURATION_UNITS } from './token';

export interface ScannedNumber {
  kind: 'int' | 'decimal' | 'percent' | 'duration';
  value: string;
  /** `[code, message, hint]` when the literal is malformed; the token is still produced. */
  error?: [string, string, string?];
  /** True when the value cannot be trusted (an unknown suffix): the parser then reads no literal from it. */
  malformed?: boolean;
}

/** The run of `[0-9_]` at the cursor, consumed. */
const digitRun = (cursor: Cursor): string => {
  const start = cursor.offset;
  const count = runLength(cursor.source, start, false);
  cursor.advanceWithinLine(count);
  return cursor.source.slice(start, start + count);
};

/** How many characters from `offset` are `[0-9_]` (or `[A-Za-z0-9_]` with `letters`). */
function runLength(source: string, offset: number, letters: boolean): number {
  let end = offset;
  for (; end < source.length; end++) {
    const x = source.charCodeAt(end);
    const ok =
      (x >= 48 && x <= 57) || x === 95 || (letters && ((x >= 65 && x <= 90) || (x >= 97 && x <= 122)));
    if (!ok) break;
  }
  return end - offset;
}

/**
 * Scans a number starting at a digit: `42`, `50_000`, `1.25`, then an optional suffix directly attached:
 * `%` (percent), `s`/`m`/`h`/`d` (duration) or `workdays`. Money (`50_000 CNY`) and `2 workdays` with a
 * space are put together by the parser.
 */
export function scanNumber(cursor: Cursor): ScannedNumber {
  let raw = digitRun(cursor);
  let kind: ScannedNumber['kind'] = 'int';
  if (cursor.peek() === '.' && /[0-9]/.test(cursor.peek(1))) {
    cursor.advance();
    raw += '.' + digitRun(cursor);
    kind = 'decimal';
  }
  const value = raw.replace(/_/g, '');
  const malformed = !/^[0-9]+(_[0-9]+)*(\.[0-9]+(_[0-9]+)*)?$/.test(raw);
  const error: ScannedNumber['error'] = malformed
    ? ['syntax/bad-number', `Malformed number "${raw}"`, 'an underscore may only stand between two digits']
    : undefined;
  if (cursor.peek() === '%') {
    cursor.advance();
    return { kind: 'percent', value, error };
  }
  const rest = cursor.source.slice(
    cursor.offset,
    cursor.offset + runLength(cursor.source, cursor.offset, true),
  );
  if (/^[A-Z]{3}$/.test(rest)) {
    // `50_000CNY`: reported here; the currency is left to be read as the next token, so the parser still
    // sees a money literal and nothing else complains.
    const message = `Missing space in the money literal "${raw}${rest}"`;
    return { kind, value, error: error ?? ['syntax/bad-number', message, `write \`${raw} ${rest}\``] };
  }
  const suffix = rest;
  cursor.advance(suffix.length);
  if (suffix === '') return { kind, value, error };
  if (kind === 'int' && (DURATION_UNITS.has(suffix) || suffix === 'workdays')) {
    return {
      kind: 'duration',
      value: suffix === 'workdays' ? `${value} workdays` : `${value}${suffix}`,
      error,
    };
  }
  if (kind === 'decimal' && DURATION_UNITS.has(suffix)) {
    return {
      kind: 'duration',
      value: `${value}${suffix}`,
      malformed: true,
      error: [
        'syntax/bad-number',
        `A duration is a whole number of units, not "${raw}${suffix}"`,
        'write `90m` rather than `1.5h`',
      ],
    };
  }
  return {
    kind,
    value,
    malformed: true,
    error: [
      'syntax/bad-number',
      `Unknown suffix "${suffix}" after the number ${raw}`,
      'durations end in `s`, `m`, `h`, `d` or ` workdays`; percentages in `%`',
    ],
  };
}
