import type { TaskIR } from '@signet/dsl';
import type { BoundFlow } from '../binding/bound-flow';
import type { StepEnv } from '../binding/step-env';
import { EngineErrors } from '../engine-errors';
import type { InstanceContext } from '../instance-context';
import type { CheckTrace, EngineEvent, StepFailed } from '../types';
import { candidacy, resolveAssignment } from './task-people';

/**
 * `on withdraw -> withdrawn by requester`: when every transition of the current state for this event
 * names who may send it, the actor must be one of them (`FORBIDDEN` otherwise, and for a missing actor).
 * Returns the traced check, or nothing to check.
 */
export function checkSender(
  flow: BoundFlow,
  state: string,
  context: InstanceContext,
  event: EngineEvent,
  env: StepEnv,
): CheckTrace[] | StepFailed {
  const restricted = (flow.states.get(state)?.on ?? []).filter((t) => t.event === event.type);
  if (restricted.length === 0 || restricted.some((t) => !t.by)) return [];
  const actor = env.ctx.actor;
  if (actor === null) return EngineErrors.notCandidate('nobody', event.type, 'the event is sent by a user');
  const reasons: string[] = [];
  for (const t of restricted) {
    // The `by` clause reuses the task assignee forms, so it is resolved like an assignee.
    const who = resolveAssignment({ name: event.type, assignee: t.by! } as TaskIR, env, context);
    if (!who.ok) return EngineErrors.evaluationFailed(state, event.type, who.message);
    const c = candidacy(actor, who.value, env);
    if (c.passed) return [{ check: 'assignee', passed: true, detail: `${event.type}: ${c.detail}` }];
    reasons.push(c.detail);
  }
  return EngineErrors.notCandidate(actor, event.type, reasons.join('; '));
}
