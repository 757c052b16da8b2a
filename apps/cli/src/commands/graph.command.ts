import { toMermaid } from '@signet/dsl';
import { EXIT_FAILED, EXIT_OK } from '../cli-io';
import { parseCommandArgs, usageError, type Command } from '../command';
import { compileOrReport } from './compile-or-report';

/** `signet graph <file>`: the flow as a Mermaid stateDiagram-v2; diagnostics and exit 1 on errors. */
export const graphCommand: Command = {
  name: 'graph',
  summary: 'print a .flow file as a Mermaid state diagram',
  usage: 'signet graph <file>',
  run(args, io) {
    const parsed = parseCommandArgs(args, {});
    if (!parsed.ok) return Promise.resolve(usageError(io, this, parsed.message));
    if (parsed.positionals.length !== 1)
      return Promise.resolve(usageError(io, this, 'give exactly one file'));
    const ir = compileOrReport(io, parsed.positionals[0]);
    if (!ir) return Promise.resolve(EXIT_FAILED);
    io.out(toMermaid(ir));
    return Promise.resolve(EXIT_OK);
  },
};
