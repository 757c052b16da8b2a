import { checkSource, compile, formatDiagnostic, type Diagnostic, type FlowIR } from '@signet/dsl';
import type { CliIo } from './cli-io';
import { fileResolution } from './commands/flow-resolver';

/** A `.flow` file as the commands see it: its text and diagnostics, or why it could not be read. */
export type FlowFile =
  | { file: string; readable: true; source: string; diagnostics: Diagnostic[]; ir: FlowIR | null }
  | { file: string; readable: false; reason: string };

/** Reads and checks a flow file; with `compileIt`, also compiles it (ir is null when it has errors). */
export function loadFlowFile(io: CliIo, file: string, compileIt: boolean): FlowFile {
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, readable: false, reason: code === 'ENOENT' ? 'no such file' : String(error) };
  }
  // `use … from <key>` finds the other flow's `.flow` file next to this one or in `workflows/`.
  const options = fileResolution(io, file);
  if (!compileIt)
    return { file, readable: true, source, diagnostics: checkSource(source, options), ir: null };
  const result = compile(source, options);
  return { file, readable: true, source, diagnostics: result.diagnostics, ir: result.ir ?? null };
}

/** True when any diagnostic is an error (warnings do not fail a check). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Every diagnostic of a file with its code frame, as `signet check` prints them. */
export function formatDiagnostics(file: string, source: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatDiagnostic(source, d, file)).join('\n\n');
}
