import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../../../..');

export interface Child {
  proc: ChildProcess;
  /** Resolves once a stdout line matches `readyLine`; rejects if the process ends first. */
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * Starts `node <args…>` in the repository root with `env` added to this process's environment,
 * collecting its output; `readyLine` says when it has started.
 */
export function startChild(args: string[], env: Record<string, string>, readyLine: RegExp): Child {
  const proc = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let out = '';
  let resolveReady: () => void = () => undefined;
  let rejectReady: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const onData = (chunk: Buffer): void => {
    out += chunk.toString('utf8');
    if (readyLine.test(out)) resolveReady();
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => {
      rejectReady(new Error(`node ${args.join(' ')} ended (${code ?? signal}) before it was ready:\n${out}`));
      resolve({ code, signal });
    });
  });
  return { proc, ready, exited, output: () => out };
}

/** Sends `signal` to the child (by its own pid) and waits until it has ended. */
export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill(signal);
  return child.exited;
}

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes (then false). */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return check();
}
