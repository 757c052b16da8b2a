import type { Diagnostic } from '../diagnostics/diagnostic';
import { analyze, type CheckOptions } from '../check';
import { flowHash } from '../hash/flow-hash';
import type { FlowIR } from '../ir/flow-ir';
import { buildFlowIR } from './build-ir';

export type CompileOptions = CheckOptions;

export interface CompileResult {
  /** True when no diagnostic is an error (warnings are allowed). */
  ok: boolean;
  /** The compiled flow, hashed; null when there are errors. */
  ir: FlowIR | null;
  diagnostics: Diagnostic[];
}

/**
 * Compiles a `.flow` source to FlowIR: parse, type, check, then assemble and hash. Mistakes in the
 * source come back as diagnostics, never as exceptions; an exception means a bug in the compiler.
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const { flow, scope, typed, used, diagnostics } = analyze(source, options);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  if (!ok || !flow || !scope || !typed) return { ok: false, ir: null, diagnostics };
  const body = buildFlowIR(flow, scope, typed, source, used);
  return { ok, ir: { ...body, hash: flowHash(body) }, diagnostics };
}
