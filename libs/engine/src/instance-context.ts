import type { DecisionRecord, Json } from '@signet/dsl';

/** A durable timer the instance is waiting on (mirrors a `scheduleTimer` effect not yet cancelled or fired). */
export type ActiveTimer = {
  id: string;
  event: string;
  state: string;
  dueAt: string;
};

/**
 * Where the open task stands after `after … escalate to …` timers fired: its level (1 = first
 * escalation), the escalation clause that set it (`timers` index in the state) and who may decide it
 * now. Absent or null: the task is at level 0, decided by its declared assignee.
 */
export type EscalationState = {
  taskId: string;
  level: number;
  clause: number;
  user: string | null;
  roles: string[];
  team: string | null;
  /** Set while a decider has delegated the task: who had it (the state to restore on `task.return`). */
  delegatedFrom?: { by: string; previous: EscalationState | null };
  /** Set while an added signer is pending (`addSigner`): where, who, and the deciders to come back to. */
  signer?: { position: 'before' | 'after'; user: string; by: string; previous: EscalationState | null };
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
  /** The open task; `dueAt` (added with escalation) is its current due time, kept across re-assignments. */
  openTask: { id: string; name: string; dueAt?: string | null } | null;
  timers: ActiveTimer[];
  startedAt: string;
  /** Added with escalation (absent in older snapshots = level 0). */
  escalation?: EscalationState | null;
  /**
   * The votes cast so far on the open task under `approval …` (absent: none). `voters` (added with
   * approval over role and team members): who may vote, fixed when the task opened.
   */
  votes?: { taskId: string; ballots: { [user: string]: string }; voters?: string[] } | null;
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
