import type { CliIo } from '../src/cli-io';

/** A `CliIo` over in-memory files that records what a command printed. */
export interface MemoryIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

export function memoryIo(files: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): MemoryIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    readFile: (file) => {
      if (!(file in files)) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), {
          code: 'ENOENT',
        });
      }
      return files[file];
    },
    env,
    cwd: '/work',
  };
}
