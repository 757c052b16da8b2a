export * from './ir/flow-ir';
export * from './diagnostics/diagnostic';
