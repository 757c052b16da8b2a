import { ProcessError } from '../errors/process-error';
import { isUuid } from '../ids';
import type { DecideTaskCommand, InstanceRecord } from '../store';
import { advanceInstance, loadTaskForStep } from './advance-instance';
import { claimIdempotencyKey, rememberResult } from './idempotency';
import { mutate } from './store-deps';
import type { StoreDeps } from './store-deps';

/**
 * Decides a task: the step `{ type: decision, taskId, comment, payload }` on its instance. The engine
 * checks that the decision is offered and that the actor may decide (candidate, four-eyes). A task
 * already decided → CONFLICT naming who decided it.
 */
export async function decideTask(deps: StoreDeps, cmd: DecideTaskCommand): Promise<InstanceRecord> {
  if (!isUuid(cmd.taskId)) throw ProcessError.notFound('task', cmd.taskId);
  const now = deps.now();
  const context: { taskId: string; instanceId?: string } = { taskId: cmd.taskId };
  return mutate(deps, context, async (em) => {
    // The task, its instance, the chain tip and the reference stamp: one statement.
    const loaded = await loadTaskForStep(deps, em, cmd.taskId);
    if (!loaded) throw ProcessError.notFound('task', cmd.taskId);
    const { task } = loaded;
    const instanceId = loaded.instance.record.id;
    context.instanceId = instanceId;
    if (cmd.idempotencyKey) {
      const first = await claimIdempotencyKey(em, {
        actor: cmd.actor,
        key: cmd.idempotencyKey,
        operation: 'decideTask',
        instanceId,
        now,
      });
      if (first) return first;
    }
    if (task.status === 'DONE') throw ProcessError.taskAlreadyDecided(task.id, task.decidedBy, task.decision);
    if (task.status === 'CANCELLED') throw ProcessError.taskCancelled(task.id);
    const event = {
      type: cmd.decision,
      taskId: task.id,
      ...(cmd.comment != null ? { comment: cmd.comment } : {}),
      ...(cmd.payload !== undefined ? { payload: cmd.payload } : {}),
    };
    // A claimed idempotency key may have waited for another request: then read the instance again.
    const result = await advanceInstance(
      deps,
      em,
      { instanceId, event, actor: cmd.actor },
      now,
      cmd.idempotencyKey ? undefined : loaded.instance,
      // Without a key the event is the last write: it commits in the same round trip (ADR 0017).
      { commit: !cmd.idempotencyKey },
    );
    if (cmd.idempotencyKey) await rememberResult(em, { actor: cmd.actor, key: cmd.idempotencyKey }, result);
    return result;
  });
}
