import type { Diagnostic } from '../diagnostics/diagnostic';

/**
 * A diagnostic as a compiler prints it:
 *
 * ```
 * discount.flow:12:19 error flow/unknown-state Unknown state "aproved" — did you mean "approved"?
 *    12 |     on approve -> aproved
 *       |                   ^^^^^^^
 *   hint: the states are …
 * ```
 *
 * The caret runs under the diagnostic's span on its first line (at least one character).
 */
export function formatDiagnostic(source: string, d: Diagnostic, file = '<source>'): string {
  const header = `${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
  const lines = source.split('\n');
  const text = (lines[d.line - 1] ?? '').replace(/\r$/, '');
  const gutter = String(d.line).length + 3;
  const out = [header];
  if (d.line >= 1 && d.line <= lines.length) {
    const width =
      d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, text.length - d.column + 1);
    // Tabs are kept under the caret's line so the caret lines up whatever the tab width.
    const pad = text.slice(0, d.column - 1).replace(/[^\t]/g, ' ');
    out.push(`${String(d.line).padStart(gutter - 1)} | ${text}`);
    out.push(`${' '.repeat(gutter - 1)} | ${pad}${'^'.repeat(width)}`);
  }
  if (d.hint) out.push(`${' '.repeat(gutter - 1)}   hint: ${d.hint}`);
  return out.join('\n');
}
