import type { FlowIR, StateIR, TransitionIR } from '@signet/dsl';
import { assign, setup } from 'xstate';
import type { InstanceContext } from '../instance-context';
import {
  recordDecision,
  setVar,
  voidDecisions,
  type NotifyParams,
  type VoidParams,
  type RecordDecisionParams,
  type SetVarParams,
} from './action-impl';
import { exprGuard, type GuardParams } from './guard-impl';
import type { ENV_KEY } from './step-env';
import { type ActionRef, TransitionConfig } from './transition-config';
import { type EnvelopeEvent, type StepEnv } from './step-env';

/** Microsteps allowed in one macrostep before an `always` cycle is declared (the checker should prevent them). */
export const MAX_MICROSTEPS = 1000;

/** What `start` passes to `initialTransition`: the initial context and the step environment. */
export interface MachineInput {
  context: InstanceContext;
  [ENV_KEY]?: StepEnv;
}

/**
 * The XState implementations, the same for every flow: one guard (`expr`) and three actions, all
 * parameterised by references into the IR. The IR itself never holds a function.
 */
export const flowSetup = setup({
  types: {
    context: {} as InstanceContext,
    events: {} as EnvelopeEvent,
    input: {} as MachineInput | undefined,
  },
  guards: {
    expr: (args, params: GuardParams) => exprGuard(args, params),
  },
  actions: {
    setVar: assign((args, params: SetVarParams) => setVar(args, params)),
    recordDecision: assign((args, params: RecordDecisionParams) => recordDecision(args, params)),
    voidDecisions: assign((args, params: VoidParams) => voidDecisions(args, params)),
    // Not executed by the pure `transition`: it comes back in the action list and becomes a notify effect.
    notify: (_args, _params: NotifyParams) => undefined,
  },
});

function transitionConfig(state: StateIR, t: TransitionIR) {
  const actions: ActionRef[] = [];
  if (t.event !== undefined && state.task?.decisions.includes(t.event))
    actions.push({ type: 'recordDecision', params: { task: state.task.name } });
  for (const a of t.actions) {
    if (a.k === 'set') actions.push({ type: 'setVar', params: { state: state.name, action: a } });
    else if (a.k === 'void')
      actions.push({ type: 'voidDecisions', params: { state: state.name, action: a } });
    else actions.push({ type: 'notify', params: { state: state.name, action: a } });
  }
  // Every transition goes through the `expr` guard, guarded or not, so each one taken is traced.
  const guard = { type: 'expr' as const, params: { state: state.name, transition: t } };
  return new TransitionConfig(t.target, guard, actions);
}

function stateConfig(state: StateIR) {
  const on: Record<string, TransitionConfig[]> = {};
  for (const t of state.on) {
    if (t.event === undefined) continue;
    (on[t.event] ??= []).push(transitionConfig(state, t));
  }
  return {
    ...(state.final ? { type: 'final' as const } : {}),
    always: state.always.map((t) => transitionConfig(state, t)),
    on,
  };
}

/**
 * Binds a FlowIR to an XState v5 machine: one state node per `StateIR` (`type: 'final'` for
 * finals), `always` arrays and `on` maps whose guards and actions are `{ type, params }`
 * references. The context comes from the machine input. Timers are not XState `after`s: they are
 * durable effects (see compute-effects.ts).
 */
export function bindMachine(ir: FlowIR) {
  const states = Object.fromEntries(ir.states.map((s) => [s.name, stateConfig(s)]));
  return flowSetup.createMachine({
    id: ir.key,
    initial: ir.initial,
    // Without input (XState's own eager evaluation inside pure transitions) the context is a placeholder.
    context: ({ input }) =>
      input?.context ?? {
        input: {},
        requester: '',
        vars: {},
        decisions: {},
        openTask: null,
        timers: [],
        startedAt: '',
      },
    states,
    options: { maxIterations: MAX_MICROSTEPS },
  });
}

export type FlowMachine = ReturnType<typeof bindMachine>;
