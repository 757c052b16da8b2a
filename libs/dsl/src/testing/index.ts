/**
 * Test helpers for code that checks flows (`@signet/dsl/testing`). They throw an Error whose message
 * lists every diagnostic, so a failing test says what was reported instead.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';

export interface DiagnosticPosition {
  line: number;
  column?: number;
}

const show = (d: Diagnostic): string =>
  `  ${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;

const list = (diagnostics: Diagnostic[]): string =>
  diagnostics.length ? diagnostics.map(show).join('\n') : '  (no diagnostics)';

/**
 * Asserts that a diagnostic with `code` was reported at `line` (and `column`, when given); returns it.
 */
export function expectDiagnostic(
  diagnostics: Diagnostic[],
  code: string,
  at: DiagnosticPosition,
): Diagnostic {
  const found = diagnostics.find(
    (d) => d.code === code && d.line === at.line && (at.column === undefined || d.column === at.column),
  );
  if (found) return found;
  const where = at.column === undefined ? `line ${at.line}` : `${at.line}:${at.column}`;
  const sameCode = diagnostics.filter((d) => d.code === code);
  const note = sameCode.length
    ? `\n"${code}" was reported elsewhere: ${sameCode.map((d) => `${d.line}:${d.column}`).join(', ')}`
    : '';
  throw new Error(`Expected a "${code}" diagnostic at ${where}.${note}\nReported:\n${list(diagnostics)}`);
}

/** Asserts that no diagnostic is an error (warnings are fine). */
export function expectNoErrors(diagnostics: Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  throw new Error(
    `Expected no errors, but ${errors.length} ${errors.length === 1 ? 'was' : 'were'} reported:\n${list(errors)}`,
  );
}
