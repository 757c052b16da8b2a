import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../ids';

/** A refused attempt, as the API saw it. */
export interface Refusal {
  at: Date;
  actor: string;
  /** The operation refused: `decideTask`, `sendEvent`, `startInstance` … */
  operation: string;
  /** The error code clients got (`SEPARATION_OF_DUTIES`, `FORBIDDEN` …). */
  code: string;
  message: string;
  instanceId?: string | null;
  taskId?: string | null;
  details?: Record<string, unknown>;
}

/** Error codes whose refusals an auditor wants on record (not mistakes such as BAD_USER_INPUT). */
export const RECORDED_REFUSAL_CODES: readonly string[] = ['SEPARATION_OF_DUTIES', 'FORBIDDEN'];

/**
 * Appends a refusal to `refusal_log` in its own short transaction: the refused step rolled back, so
 * this is the only trace of the attempt. Ids that are not UUIDs (a client typo) are kept in `details`.
 * When the task is known, its instance is looked up so the refusal joins that instance's history.
 */
export async function recordRefusal(em: SqlEntityManager, refusal: Refusal): Promise<void> {
  const taskId = refusal.taskId && isUuid(refusal.taskId) ? refusal.taskId : null;
  const instanceId = refusal.instanceId && isUuid(refusal.instanceId) ? refusal.instanceId : null;
  const details = {
    ...(refusal.details ?? {}),
    ...(refusal.taskId && !taskId ? { taskId: refusal.taskId } : {}),
  };
  await em.execute(
    `insert into refusal_log (at, actor, operation, code, message, instance_id, task_id, details)
     values (?::timestamptz, ?, ?, ?, ?, coalesce(?::uuid, (select instance_id from task where id = ?::uuid)), ?::uuid, ?::jsonb)`,
    [
      refusal.at.toISOString(),
      refusal.actor,
      refusal.operation,
      refusal.code,
      refusal.message,
      instanceId,
      taskId,
      taskId,
      JSON.stringify(details),
    ],
  );
}
