import { performance } from 'node:perf_hooks';
import { compile } from '@signet/dsl';
import { start } from '@signet/engine';
import { engineContext } from '@signet/engine/testing';

const INPUT = { unit: 'A-1203', amount: '1850000.00', discount: '2.5%' };

/**
 * check + compile + createMachine: `compile` parses, types and checks, then emits the IR; the
 * engine binds the IR to an XState machine (`setup().createMachine`) on its first `start`, which is
 * how a server meets a new flow. Returns the time of each half. Throws on a compile error or a failed start (bugs in the generator).
 */
export function buildFlow(source: string): { compileMs: number; bindMs: number } {
  const t0 = performance.now();
  const { ir, diagnostics } = compile(source);
  const t1 = performance.now();
  if (!ir) throw new Error(`generated flow does not compile: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  const started = start(ir, INPUT, engineContext());
  if (!started.ok) throw new Error(`generated flow does not start: ${JSON.stringify(started)}`);
  return { compileMs: t1 - t0, bindMs: performance.now() - t1 };
}
