import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { compileOrReport } from './compile-or-report';

/** `signet compile <file>`: the FlowIR JSON on stdout; diagnostics on stderr and exit 1 on errors. */
export const compileCommand: Command = {
  name: 'compile',
  summary: 'compile a .flow file and print its FlowIR JSON',
  usage: 'signet compile <file>',
  run(args, io) {
    const parsed = parseCommandArgs(args, {});
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    if (parsed.positionals.length !== 1)
      return Promise.resolve(usageError(io, this, 'give exactly one file'));
    const ir = compileOrReport(io, parsed.positionals[0]);
    if (!ir) return Promise.resolve(EXIT_FAILED);
    io.out(JSON.stringify(ir, null, 2));
    return Promise.resolve(EXIT_OK);
  },
};
