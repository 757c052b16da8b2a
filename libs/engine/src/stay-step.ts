import type { BoundFlow } from './binding/bound-flow';
import type { FlowMachine } from './binding/bind-machine';
import type { InstanceContext } from './instance-context';
import { persistSnapshot } from './snapshot';
import type { CheckTrace, Effect, StepOk } from './types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

/**
 * The result of a step that keeps its state without an XState transition (an escalation or reminder
 * timer, a vote that does not settle a parallel approval): the same state value with the new context.
 */
export function stayStep(
  flow: BoundFlow,
  current: MachineSnapshot,
  state: string,
  event: string,
  next: InstanceContext,
  effects: Effect[],
  checks: CheckTrace[],
): StepOk {
  return {
    ok: true,
    snapshot: persistSnapshot(flow.machine, current, next),
    state,
    status: 'ACTIVE',
    context: next,
    effects,
    trace: {
      flow: { key: flow.ir.key, version: flow.ir.version, hash: flow.ir.hash },
      event,
      from: state,
      to: state,
      guards: [],
      tables: [],
      checks,
      actions: [],
    },
  };
}
