import type { FlowIR, StateIR } from '@signet/dsl';
import { bindMachine, type FlowMachine } from './bind-machine';

/** A FlowIR with its machine and lookups, built once per IR hash. */
export interface BoundFlow {
  /** The IR every step of this hash evaluates (so compiled expressions are reused across steps). */
  readonly ir: FlowIR;
  readonly machine: FlowMachine;
  readonly states: ReadonlyMap<string, StateIR>;
  /** Every event that is a decision of some task: such events get the task checks. */
  readonly decisionEvents: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
}

// The hash is the sha-256 of the IR's content, so one hash is one flow: the first IR seen for a hash
// is bound and reused. A small bound keeps memory flat when many versions pass through one process.
const MAX_BOUND = 64;
const byHash = new Map<string, BoundFlow>();
const byObject = new WeakMap<FlowIR, BoundFlow>();

function bind(ir: FlowIR): BoundFlow {
  return {
    ir,
    machine: bindMachine(ir),
    states: new Map(ir.states.map((s) => [s.name, s])),
    decisionEvents: new Set(ir.states.flatMap((s) => s.task?.decisions ?? [])),
    events: new Set(ir.events),
  };
}

/** The bound flow for an IR, memoised by its hash (IRs without a hash are memoised by identity only). */
export function boundFlow(ir: FlowIR): BoundFlow {
  const seen = byObject.get(ir);
  if (seen) return seen;
  let bound = ir.hash ? byHash.get(ir.hash) : undefined;
  if (!bound) {
    bound = bind(ir);
    if (ir.hash) {
      if (byHash.size >= MAX_BOUND) byHash.delete(byHash.keys().next().value!);
      byHash.set(ir.hash, bound);
    }
  }
  byObject.set(ir, bound);
  return bound;
}
