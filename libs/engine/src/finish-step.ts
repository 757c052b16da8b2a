import type { NotifyParams } from './binding/action-impl';
import type { FlowMachine } from './binding/bind-machine';
import type { BoundFlow } from './binding/bound-flow';
import type { StepEnv } from './binding/step-env';
import { computeEffects } from './effects/compute-effects';
import { EngineErrors } from './engine-errors';
import type { InstanceContext } from './instance-context';
import { persistSnapshot, statePath } from './snapshot';
import type { CheckTrace, StepResult } from './types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

/** An action XState returned instead of executing (pure `transition`). */
interface ReturnedAction {
  type: string;
  params: unknown;
  info: { context: unknown };
}

export interface Transitioned {
  from: string | null;
  next: MachineSnapshot;
  actions: readonly ReturnedAction[];
  decided: boolean;
  checks: CheckTrace[];
}

/**
 * Shared tail of `start` and `step`: refuse if any evaluation failed, derive the effects from the
 * state change, store the engine's bookkeeping in the context, persist the snapshot, assemble the trace.
 */
export function finishStep(flow: BoundFlow, env: StepEnv, t: Transitioned): StepResult {
  const from = t.from ?? flow.ir.initial;
  // XState reports errors of the initial macrostep as an error snapshot instead of throwing.
  if (t.next.status === 'error') {
    if (isLoopError(t.next.error)) return EngineErrors.evaluationFailed(from, env.eventType, LOOP_MESSAGE);
    throw t.next.error instanceof Error ? t.next.error : new Error(String(t.next.error));
  }
  if (env.failure !== null) return EngineErrors.evaluationFailed(from, env.eventType, env.failure);
  const to = statePath(t.next.value);
  const notifications = t.actions
    .filter((a) => a.type === 'notify')
    .map((a) => ({ params: a.params as NotifyParams, context: a.info.context as InstanceContext }));
  const change = computeEffects(flow, env, {
    from: t.from,
    to,
    context: t.next.context,
    decided: t.decided,
    notifications,
  });
  if (!change.ok) return EngineErrors.evaluationFailed(from, env.eventType, change.message);
  const { effects, context } = change.value;
  const snapshot = persistSnapshot(flow.machine, t.next, context);
  return {
    ok: true,
    snapshot,
    state: to,
    status: t.next.status === 'done' ? 'COMPLETED' : 'ACTIVE',
    context,
    effects,
    trace: {
      flow: { key: flow.ir.key, version: flow.ir.version, hash: flow.ir.hash },
      event: env.eventType,
      from,
      to,
      guards: env.guards,
      tables: [...env.recorder.tables],
      checks: t.checks,
      actions: env.actions,
    },
  };
}

/**
 * Runs an XState computation, turning its infinite-loop guard (an `always` cycle that never
 * settles, which the checker should have refused) into a refused step instead of a crash.
 */
export function guardLoops<T>(run: () => T, refuse: (message: string) => StepResult): T | StepResult {
  try {
    return run();
  } catch (e) {
    if (isLoopError(e)) return refuse(LOOP_MESSAGE);
    throw e;
  }
}

const LOOP_MESSAGE = 'eventless transitions keep firing without reaching a stable state';

function isLoopError(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith('Infinite loop detected');
}
