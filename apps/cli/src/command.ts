import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

/** One `signet <name>` command. `run` returns the process exit code (see cli-io.ts). */
export interface Command {
  name: string;
  /** One line for `signet --help`. */
  summary: string;
  /** The synopsis, e.g. `signet token <username> [--ttl 8h]`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export type ParsedArgs<O extends Options> =
  | {
      ok: true;
      values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'];
      positionals: string[];
    }
  | { ok: false; message: string };

/** Parses a command's arguments strictly; unknown options and missing values come back as a message. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedArgs<O> {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { ok: true, values, positionals };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Reports a command-line mistake with the command's synopsis; returns the usage exit code. */
export function usageError(io: CliIo, command: Command, message: string): number {
  io.err(`signet ${command.name}: ${message}`);
  io.err(`usage: ${command.usage}`);
  return 2;
}
