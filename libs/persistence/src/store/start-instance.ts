import type { Json } from '@signet/dsl';
import { start } from '@signet/engine';
import { loadDirectory } from '../directory/load-directory';
import { FlowDefinitionEntity, InstanceEntity } from '../entities';
import { processErrorFromEngine } from '../errors/engine-error';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord, StartInstanceCommand } from '../store';
import { appendEvent } from './append-event';
import { applyEffects, writeOutbox } from './apply-effects';
import { engineContext } from './engine-context';
import { claimIdempotencyKey, existingInstance } from './idempotency';
import { instanceRecord } from './records';
import { mutate } from './store-deps';
import type { StoreDeps } from './store-deps';

/**
 * Starts the latest deployed version of a flow, in one transaction: the instance row (version 1),
 * its first event (`start`, payload `{ input, businessKey }`), and the effects of the initial step
 * (tasks, timers, outbox). A business key held by an active instance → BUSINESS_KEY_TAKEN, decided
 * by the database's partial unique index.
 */
export async function startInstance(deps: StoreDeps, cmd: StartInstanceCommand): Promise<InstanceRecord> {
  const businessKey = cmd.businessKey ?? null;
  // The API hands over parsed JSON (GraphQL `JSON!`); the engine validates its shape.
  const input = cmd.input as Json;
  const now = deps.now();
  const instanceId = deps.newId();
  return mutate(deps, { instanceId, flowKey: cmd.flowKey, businessKey }, async (em) => {
    const definition = await em.findOne(
      FlowDefinitionEntity,
      { key: cmd.flowKey },
      { orderBy: { version: 'desc' } },
    );
    if (!definition) throw ProcessError.flowNotDeployed(cmd.flowKey);
    if (cmd.idempotencyKey) {
      const first = await claimIdempotencyKey(em, {
        actor: cmd.actor,
        key: cmd.idempotencyKey,
        operation: 'startInstance',
        instanceId,
        now,
      });
      if (first) return existingInstance(em, first);
    }

    const directory = await loadDirectory(em);
    const result = start(definition.ir, input, engineContext(now, cmd.actor, directory, deps.newId));
    if (!result.ok) throw processErrorFromEngine(result.error);

    const instance = em.create(InstanceEntity, {
      id: instanceId,
      definition,
      flowKey: definition.key,
      flowVersion: definition.version,
      businessKey,
      status: result.status,
      state: result.state,
      context: result.context,
      snapshot: result.snapshot,
      startedBy: cmd.actor,
      createdAt: now,
      updatedAt: now,
    });
    appendEvent(em, instance, null, {
      type: 'start',
      actor: cmd.actor,
      at: now,
      fromState: null,
      toState: result.state,
      payload: { input, businessKey },
      trace: result.trace as unknown as Json,
    });
    const notifications = await applyEffects(em, instance, result.effects, now);
    await em.flush();
    await writeOutbox(em, instance.id, notifications, now, deps.newId);
    return instanceRecord(instance);
  });
}
