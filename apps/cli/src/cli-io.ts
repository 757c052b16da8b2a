import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Everything a command touches outside itself, so the pure parts (parsing, formatting, exit codes)
 * are tested by handing in strings and reading strings back.
 */
export interface CliIo {
  /** Writes a line (or lines) to standard output. */
  out(text: string): void;
  /** Writes a line (or lines) to standard error. */
  err(text: string): void;
  /** Reads a text file, resolved against `cwd`; throws like `fs.readFileSync`. */
  readFile(file: string): string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real process: stdout, stderr, the file system and the environment. */
export function processIo(): CliIo {
  const cwd = process.cwd();
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: (file) => fs.readFileSync(path.resolve(cwd, file), 'utf8'),
    env: process.env,
    cwd,
  };
}

/** Exit codes: 0 done, 1 the input has errors (or the operation failed), 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
