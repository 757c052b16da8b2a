import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { loadFlowFile } from '../flow-file';
import { checkFailed, checkReportJson, checkReportText } from './check-report';

const FORMATS = ['text', 'json'];

/**
 * `signet check <files…> [--format text|json]`: every diagnostic of every file, with code frames in
 * text. Exit 1 when any file has an error or cannot be read; warnings alone pass.
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check .flow files and print their diagnostics (exit 1 on errors)',
  usage: 'signet check <files…> [--format text|json]',
  run(args, io) {
    const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    const format = parsed.values.format ?? 'text';
    if (!FORMATS.includes(format)) {
      return Promise.resolve(usageError(io, this, `--format must be text or json, got "${format}"`));
    }
    if (parsed.positionals.length === 0) return Promise.resolve(usageError(io, this, 'which files?'));
    const files = parsed.positionals.map((file) => loadFlowFile(io, file, false));
    io.out(format === 'json' ? checkReportJson(files) : checkReportText(files));
    return Promise.resolve(checkFailed(files) ? EXIT_FAILED : EXIT_OK);
  },
};
