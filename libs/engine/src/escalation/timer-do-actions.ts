import { type ActionIR, encodeValue, evaluate, type TimerIR } from '@signet/dsl';
import type { StepEnv } from '../binding/step-env';
import type { Resolved } from '../checks/task-people';
import { notifyEffects } from '../effects/notify-effects';
import type { InstanceContext } from '../instance-context';
import type { NotifyEffect } from '../types';

/**
 * The `do` actions of a timer that keeps its state (`after 2 workdays escalate to … do notify requester
 * "change_escalated"`), run in order on the context after the escalation or reminder: `set` stores into
 * `vars` (traced in `env.actions`), `notify` yields notify effects. Their dedupe key names the fired
 * timer (`firedId`), so each rung of a repeating ladder notifies once. `void` never reaches here (the
 * checker refuses it).
 */
export function runTimerDoActions(
  state: string,
  timer: TimerIR,
  firedId: string,
  taskId: string,
  env: StepEnv,
  context: InstanceContext,
): Resolved<{ effects: NotifyEffect[]; context: InstanceContext }> {
  let current = context;
  const effects: NotifyEffect[] = [];
  for (const action of timer.actions ?? []) {
    if (action.k === 'set') {
      const set = runSet(state, action, env, current);
      if (!set.ok) return set;
      current = set.value;
    } else if (action.k === 'notify') {
      const pending = [{ params: { state, action }, context: current }];
      const sent = notifyEffects(pending, env, () => `${taskId}:${firedId}`);
      if (!sent.ok) return sent;
      effects.push(...sent.value);
    } else {
      return { ok: false, message: `${timer.event}: \`void\` cannot run on a timer that keeps the state` };
    }
  }
  return { ok: true, value: { effects, context: current } };
}

function runSet(
  state: string,
  action: Extract<ActionIR, { k: 'set' }>,
  env: StepEnv,
  context: InstanceContext,
): Resolved<InstanceContext> {
  env.recorder.takeReads();
  const r = evaluate(action.value, env.evalEnv(context));
  const values = env.recorder.takeReads();
  if (!r.ok) return { ok: false, message: `set var.${action.name}: ${r.error.message}` };
  const value = encodeValue(action.value.type, r.value);
  env.actions.push({ state, action: `set var.${action.name}`, value, values });
  return { ok: true, value: { ...context, vars: { ...context.vars, [action.name]: value } } };
}
