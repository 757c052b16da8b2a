export * from './ir/flow-ir';
export * from './diagnostics/diagnostic';
// Runtime values (money, percent, decimal, durations) and the expression/table evaluator.
export * from './values';
export * from './eval';
// The front end: parse → check → compile to FlowIR, and what tools built on it need.
export { parse, type ParseResult } from './parser';
export { checkSource, type CheckOptions, type FlowResolver } from './check';
export { formatDiagnostic } from './check/format-diagnostic';
export { compile, type CompileOptions, type CompileResult } from './compile/compile';
export { canonicalJson, flowHash } from './hash';
export { toMermaid } from './graph/to-mermaid';
export type { FlowFile, FlowDecl } from './ast';
