import type { FlowIR } from '@signet/dsl';
import type { CliIo } from '../cli-io';
import { formatDiagnostics, hasErrors, loadFlowFile } from '../flow-file';

/**
 * Compiles one file for `compile` and `graph`. Diagnostics go to stderr (warnings too, so they are
 * seen, without spoiling stdout); returns the IR, or null when the file is unreadable or has errors.
 */
export function compileOrReport(io: CliIo, file: string): FlowIR | null {
  const loaded = loadFlowFile(io, file, true);
  if (!loaded.readable) {
    io.err(`${file}: cannot read: ${loaded.reason}`);
    return null;
  }
  if (loaded.diagnostics.length > 0) io.err(formatDiagnostics(file, loaded.source, loaded.diagnostics));
  if (hasErrors(loaded.diagnostics) || !loaded.ir) return null;
  return loaded.ir;
}
