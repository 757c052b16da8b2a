import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { InstanceEntity, TaskEntity } from '../entities';
import { classifyDatabaseFailure } from './database-failure';
import { ProcessError } from './process-error';

/** What a failed mutation was doing, so the translated message can name it. */
export interface WriteContext {
  instanceId?: string;
  taskId?: string;
  flowKey?: string;
  businessKey?: string | null;
}

/**
 * The adapter edge: turns a failed transaction's database error into a ProcessError (after the
 * rollback, reading the winner's state with `em` to name it). ProcessErrors pass through; anything
 * unrecognised is returned unchanged, as the bug or outage it is.
 */
export async function translateWriteError(
  error: unknown,
  context: WriteContext,
  em: SqlEntityManager,
): Promise<unknown> {
  if (error instanceof ProcessError) return error;
  const failure = classifyDatabaseFailure(error);
  if (!failure) return error;
  switch (failure.kind) {
    case 'unique':
      if (failure.constraint === 'instance_business_key_active' && context.flowKey && context.businessKey) {
        return ProcessError.businessKeyTaken(
          context.flowKey,
          context.businessKey,
          await activeHolder(em, context.flowKey, context.businessKey),
        );
      }
      if (failure.constraint === 'instance_event_instance_seq_unique') return lostRace(em, context);
      return new ProcessError(
        'CONFLICT',
        `a concurrent request wrote the same ${describe(failure.constraint)}; retry`,
      );
    case 'lost-race':
      return lostRace(em, context);
    case 'invalid-value':
      return ProcessError.badInput(`a value cannot be stored: ${failure.message}`);
    case 'append-only':
      return error;
  }
}

/** The other writer won: say who decided the task, or which version the instance is at now. */
async function lostRace(em: SqlEntityManager, context: WriteContext): Promise<ProcessError> {
  if (context.taskId) {
    const task = await em.findOne(TaskEntity, { id: context.taskId });
    if (task?.status === 'DONE')
      return ProcessError.taskAlreadyDecided(task.id, task.decidedBy, task.decision);
  }
  const id = context.instanceId ?? 'unknown';
  const instance = context.instanceId ? await em.findOne(InstanceEntity, { id: context.instanceId }) : null;
  return ProcessError.concurrentWrite(id, instance?.version ?? null);
}

async function activeHolder(
  em: SqlEntityManager,
  flowKey: string,
  businessKey: string,
): Promise<string | null> {
  const holder = await em.findOne(InstanceEntity, { flowKey, businessKey, status: 'ACTIVE' });
  return holder?.id ?? null;
}

function describe(constraint: string | null): string {
  return constraint ? `row (${constraint})` : 'row';
}
