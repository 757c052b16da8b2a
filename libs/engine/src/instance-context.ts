import type { DecisionRecord, Json } from '@signet/dsl';

/** A durable timer the instance is waiting on (mirrors a `scheduleTimer` effect not yet cancelled or fired). */
export type ActiveTimer = {
  id: string;
  event: string;
  state: string;
  dueAt: string;
};

/**
 * The instance context, JSON only, kept in the XState snapshot and returned as `StepOk.context`.
 * `input`, `requester`, `vars` and `decisions` are what expressions read (`InstanceData` in dsl);
 * `openTask` and `timers` let the engine close and cancel what a state opened when it is left.
 */
export type InstanceContext = {
  input: { [field: string]: Json };
  requester: string;
  vars: { [name: string]: Json };
  decisions: { [task: string]: DecisionRecord };
  openTask: { id: string; name: string } | null;
  timers: ActiveTimer[];
  startedAt: string;
};

export function initialContext(
  input: { [field: string]: Json },
  requester: string,
  now: string,
): InstanceContext {
  return { input, requester, vars: {}, decisions: {}, openTask: null, timers: [], startedAt: now };
}

/** Reads a stored context back, checking only its shape (the content was written by this engine). */
export function isInstanceContext(json: unknown): json is InstanceContext {
  if (typeof json !== 'object' || json === null) return false;
  const c = json as Record<string, unknown>;
  return (
    typeof c.input === 'object' &&
    typeof c.requester === 'string' &&
    typeof c.vars === 'object' &&
    typeof c.decisions === 'object' &&
    Array.isArray(c.timers)
  );
}
