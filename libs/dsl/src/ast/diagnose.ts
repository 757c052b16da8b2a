import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Span } from './span';

/** Builds a diagnostic located at `span`; `hint` is left out when there is none. */
export function diagnosticAt(
  severity: Diagnostic['severity'],
  span: Span,
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = {
    severity,
    code,
    message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
  if (hint !== undefined) d.hint = hint;
  return d;
}

export const errorAt = (span: Span, code: string, message: string, hint?: string): Diagnostic =>
  diagnosticAt('error', span, code, message, hint);

export const warningAt = (span: Span, code: string, message: string, hint?: string): Diagnostic =>
  diagnosticAt('warning', span, code, message, hint);

/** Source order (line, column, then code); drops exact duplicates. Returns a new array. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...diagnostics]
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code))
    .filter((d) => {
      const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
