import type { FlowIR, Json } from '@signet/dsl';
import { start } from './start';
import { step } from './step';
import type { EngineContext, EngineEvent, StepResult } from './types';

export interface Replay {
  /** One result per call: the start, then one per event. */
  results: StepResult[];
  /** The state after each call (unchanged after a refused event; `""` if the start was refused). */
  states: string[];
}

/**
 * Starts an instance with `ctxs[0]` and applies `events[i]` with `ctxs[i + 1]`, each from the
 * snapshot the last accepted call produced — what a store does, minus the store. A refused event
 * changes nothing and the replay goes on. For scenario files, `signet simulate` and tests.
 */
export function replay(
  ir: FlowIR,
  input: Json,
  events: readonly EngineEvent[],
  ctxs: readonly EngineContext[],
): Replay {
  if (ctxs.length !== events.length + 1)
    throw new Error(`replay needs ${events.length + 1} contexts (start + one per event), got ${ctxs.length}`);
  const first = start(ir, input, ctxs[0]);
  const results: StepResult[] = [first];
  const states: string[] = [first.ok ? first.state : ''];
  if (!first.ok) return { results, states };
  let snapshot = first.snapshot;
  let state = first.state;
  events.forEach((event, i) => {
    const r = step(ir, snapshot, event, ctxs[i + 1]);
    if (r.ok) {
      snapshot = r.snapshot;
      state = r.state;
    }
    results.push(r);
    states.push(state);
  });
  return { results, states };
}
