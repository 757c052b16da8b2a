import type { Json } from '@signet/dsl';
import { start } from '@signet/engine';
import { FlowDefinitionEntity, InstanceEntity } from '../entities';
import { processErrorFromEngine } from '../errors/engine-error';
import { ProcessError } from '../errors/process-error';
import type { InstanceRecord, StartInstanceCommand } from '../store';
import { appendEvent } from './append-event';
import { applyEffects, writeOutbox } from './apply-effects';
import { engineContext } from './engine-context';
import { claimIdempotencyKey, rememberResult } from './idempotency';
import { instanceRecord } from './records';
import { referenceData, referenceVersion } from './reference-data';
import { mutate } from './store-deps';
import type { WriteContext } from '../errors/translate-write-error';
import type { StoreDeps } from './store-deps';

/**
 * Starts the latest deployed version of a flow, in one transaction: the instance row (version 1),
 * its first event (`start`, payload `{ input, businessKey }`), and the effects of the initial step
 * (tasks, timers, outbox). A business key held by an active instance → BUSINESS_KEY_TAKEN, decided
 * by the database's partial unique index.
 */
export async function startInstance(deps: StoreDeps, cmd: StartInstanceCommand): Promise<InstanceRecord> {
  // The API hands over parsed JSON (GraphQL `JSON!`); the engine validates its shape.
  const input = cmd.input as Json;
  const now = deps.now();
  const instanceId = deps.newId();
  const target: WriteContext = { instanceId, flowKey: cmd.flowKey, businessKey: cmd.businessKey ?? null };
  return mutate(deps, target, async (em) => {
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
      if (first) return first;
    }

    const version = await referenceVersion(em);
    const { directory, calendar } = await referenceData(deps.db, em, version, deps.calendar);
    const result = start(
      definition.ir,
      input,
      engineContext(now, cmd.actor, directory, deps.newId, calendar.calendar),
    );
    if (!result.ok) throw processErrorFromEngine(result.error);
    const businessKey = chooseBusinessKey(definition.key, cmd.businessKey ?? null, result.businessKey);
    target.businessKey = businessKey;

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
    const notifications = await applyEffects(em, instance, result.effects, now, calendar.name);
    await em.flush();
    await writeOutbox(em, instance.id, notifications, now, deps.newId);
    const record = instanceRecord(instance);
    if (cmd.idempotencyKey) await rememberResult(em, { actor: cmd.actor, key: cmd.idempotencyKey }, record);
    return record;
  });
}

/**
 * The flow's declared key (`key input.unit unique while active`) wins; a caller may repeat it but not
 * contradict it. Flows that declare none take the caller's key, if any.
 */
export function chooseBusinessKey(
  flowKey: string,
  given: string | null,
  declared: string | null | undefined,
): string | null {
  if (declared === undefined || declared === null) return given;
  if (given !== null && given !== declared) throw ProcessError.businessKeyMismatch(flowKey, given, declared);
  return declared;
}
