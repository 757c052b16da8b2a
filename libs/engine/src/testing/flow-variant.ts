import type { FlowIR } from '@signet/dsl';

let variants = 0;

/**
 * A deep copy of `ir` changed by `change`, with a hash of its own (the engine memoises machines by
 * hash, so a changed IR must not reuse the original's).
 */
export function flowVariant(ir: FlowIR, change: (copy: FlowIR) => void): FlowIR {
  const copy = JSON.parse(JSON.stringify(ir)) as FlowIR;
  change(copy);
  copy.hash = `${ir.hash}:variant-${++variants}`;
  return copy;
}
