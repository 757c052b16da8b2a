import { evaluate, exprText, type TransitionIR } from '@signet/dsl';
import type { InstanceContext } from '../instance-context';
import { type EnvelopeEvent, stepEnvOf } from './step-env';

export interface GuardParams {
  state: string;
  transition: TransitionIR;
}

/**
 * The one guard implementation (`{ type: 'expr', params }`): evaluates the transition's guard
 * expression, if any, and records it in the trace with the values it read. An unguarded transition
 * passes (and is traced as such, so the trace shows which `always` branch was taken). A guard that
 * cannot be evaluated refuses, poisons the step (`failure`), and the step is refused: evaluation
 * must never silently pick the next branch.
 */
export function exprGuard(
  { context, event }: { context: InstanceContext; event: EnvelopeEvent },
  params: GuardParams,
): boolean {
  const env = stepEnvOf(event);
  if (!env || env.failure !== null) return false;
  const { state, transition: t } = params;
  const base = { state, event: t.event ?? null, target: t.target };
  let result = true;
  if (t.guard) {
    const text = t.guardText ?? exprText(t.guard);
    env.recorder.takeReads();
    const r = evaluate(t.guard, env.evalEnv(context));
    const values = env.recorder.takeReads();
    if (!r.ok) env.fail(`guard \`${text}\` (line ${t.line}): ${r.error.message}`);
    result = r.ok && r.value === true;
    env.guards.push({ ...base, guard: text, result, values });
  } else {
    env.guards.push({ ...base, result, values: {} });
  }
  if (result && t.event !== undefined && t.event === env.eventType) env.eventTaken = true;
  return result;
}
