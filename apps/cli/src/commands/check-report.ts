import type { Diagnostic } from '@signet/dsl';
import { formatDiagnostics, hasErrors, type FlowFile } from '../flow-file';

/** `signet check` in text: each problem with its code frame, then one summary line per file. */
export function checkReportText(files: readonly FlowFile[]): string {
  const blocks: string[] = [];
  for (const f of files) {
    if (!f.readable) {
      blocks.push(`${f.file}: cannot read: ${f.reason}`);
      continue;
    }
    if (f.diagnostics.length > 0) blocks.push(formatDiagnostics(f.file, f.source, f.diagnostics));
    blocks.push(`${f.file}: ${summary(f.diagnostics)}`);
  }
  return blocks.join('\n\n');
}

/** `signet check --format json`: `[{ file, ok, diagnostics, error? }]`, one entry per file. */
export function checkReportJson(files: readonly FlowFile[]): string {
  const entries = files.map((f) =>
    f.readable
      ? { file: f.file, ok: !hasErrors(f.diagnostics), diagnostics: f.diagnostics }
      : { file: f.file, ok: false, diagnostics: [], error: f.reason },
  );
  return JSON.stringify(entries, null, 2);
}

/** Whether `signet check` fails: an unreadable file or any error. */
export function checkFailed(files: readonly FlowFile[]): boolean {
  return files.some((f) => !f.readable || hasErrors(f.diagnostics));
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors === 0 && warnings === 0) return 'ok';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
