import { evaluate, exprText } from '@signet/dsl';
import type { NotifyParams } from '../binding/action-impl';
import type { StepEnv } from '../binding/step-env';
import type { Resolved } from '../checks/task-people';
import type { InstanceContext } from '../instance-context';
import type { NotifyEffect } from '../types';

/** A `notify` action XState returned from the transition, with the context it ran in. */
export interface PendingNotify {
  params: NotifyParams;
  context: InstanceContext;
}

/**
 * Turns `notify <to> "template"` actions into notify effects: one per recipient (`to` may be a user
 * or a list of users; null sends nothing). The dedupe key is built from the event, a task id of this
 * step (unique across instances) and the recipient, so a retried step yields the same key.
 */
export function notifyEffects(
  pending: PendingNotify[],
  env: StepEnv,
  taskRef: () => string,
): Resolved<NotifyEffect[]> {
  const out: NotifyEffect[] = [];
  for (const { params, context } of pending) {
    const { to, template } = params.action;
    const r = evaluate(to, env.evalEnv(context));
    if (!r.ok) return { ok: false, message: `notify \`${exprText(to)}\`: ${r.error.message}` };
    const users = Array.isArray(r.value) ? r.value : [r.value];
    for (const user of users) {
      if (typeof user !== 'string') continue;
      out.push({
        type: 'notify',
        to: user,
        template,
        key: `${env.eventType}:${taskRef()}:${user}:${template}`,
      });
    }
  }
  return { ok: true, value: out };
}
