import { type ActionIR, encodeValue, evaluate } from '@signet/dsl';
import type { InstanceContext } from '../instance-context';
import { type EnvelopeEvent, stepEnvOf } from './step-env';

type ActionArgs = { context: InstanceContext; event: EnvelopeEvent };

export interface SetVarParams {
  state: string;
  action: Extract<ActionIR, { k: 'set' }>;
}

export interface RecordDecisionParams {
  task: string;
}

export interface VoidParams {
  state: string;
  action: Extract<ActionIR, { k: 'void' }>;
}

export interface NotifyParams {
  state: string;
  action: Extract<ActionIR, { k: 'notify' }>;
}

/** `set var.x = expr`: the assignment for XState's `assign`; a failed evaluation changes nothing and fails the step. */
export function setVar(
  { context, event }: ActionArgs,
  { state, action }: SetVarParams,
): Partial<InstanceContext> {
  const env = stepEnvOf(event);
  if (!env || env.failure !== null) return {};
  env.recorder.takeReads();
  const r = evaluate(action.value, env.evalEnv(context));
  const values = env.recorder.takeReads();
  if (!r.ok) {
    env.fail(`set var.${action.name}: ${r.error.message}`);
    return {};
  }
  const value = encodeValue(action.value.type, r.value);
  env.actions.push({ state, action: `set var.${action.name}`, value, values });
  return { vars: { ...context.vars, [action.name]: value } };
}

/** Records the decision of the task being decided, with who, when and the comment (read by `decision.<task>.*`). */
export function recordDecision(
  { context, event }: ActionArgs,
  { task }: RecordDecisionParams,
): Partial<InstanceContext> {
  const env = stepEnvOf(event);
  if (!env?.event) return {};
  const votes = context.votes && context.votes.taskId === context.openTask?.id ? context.votes.ballots : null;
  const record = {
    decision: env.event.type,
    by: env.ctx.actor,
    at: env.now,
    comment: env.event.comment ?? null,
    // A parallel approval keeps every vote, the deciding one included (read by `deciders`).
    ...(votes && env.ctx.actor !== null ? { votes: { ...votes, [env.ctx.actor]: env.event.type } } : {}),
  };
  return { decisions: { ...context.decisions, [task]: record } };
}

/** `void t, …`: forgets the recorded decisions of those tasks (return for revision), traced with what was voided. */
export function voidDecisions(
  { context, event }: ActionArgs,
  { state, action }: VoidParams,
): Partial<InstanceContext> {
  const env = stepEnvOf(event);
  if (!env || env.failure !== null) return {};
  const voided = action.tasks.filter((t) => Object.hasOwn(context.decisions, t));
  env.actions.push({ state, action: `void ${action.tasks.join(', ')}`, value: voided, values: {} });
  const decisions = Object.fromEntries(
    Object.entries(context.decisions).filter(([t]) => !action.tasks.includes(t)),
  );
  return { decisions };
}
