import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Json } from '@signet/dsl';
import { MIGRATED_EVENT, migrateInstance as migrateInEngine } from '@signet/engine';
import type { Effect, MigrationApplied } from '@signet/engine';
import { loadCalendar } from '../calendar/calendar-store';
import { loadDirectory } from '../directory/load-directory';
import { FlowDefinitionEntity, InstanceEntity, TimerEntity } from '../entities';
import { ProcessError } from '../errors/process-error';
import { isUuid } from '../ids';
import type { InstanceRecord, MigrateInstanceCommand } from '../store';
import { appendEvent, chainTip } from './append-event';
import { applyEffects, writeOutbox } from './apply-effects';
import { engineContext } from './engine-context';
import { instanceRecord } from './records';
import { mutate } from './store-deps';
import type { StoreDeps } from './store-deps';

/**
 * Moves an active instance to version `toVersion` of its flow, in one transaction: load it with its
 * pinned definition (a stale `expectedVersion` → CONFLICT) and the target definition (NOT_FOUND when
 * not deployed) → `engine.migrateInstance` (a refusal → BAD_USER_INPUT with the engine's reason) →
 * repin the row to the target (flow version, state, context, snapshot; optimistic version), apply the
 * effects (the old task cancelled, its timers cancelled with reason `migrated to v<N>`, the new task
 * and timers created), and append the chained `instance.migrated` event (payload: the versions, their
 * hashes and the state map applied; its `definitionHash` is the target's). Nothing is written on
 * failure. With `dryRun` every check runs and the instance is returned as it would be, unwritten.
 */
export async function migrateInstance(deps: StoreDeps, cmd: MigrateInstanceCommand): Promise<InstanceRecord> {
  if (!isUuid(cmd.instanceId)) throw ProcessError.notFound('instance', cmd.instanceId);
  const now = deps.now();
  return mutate(deps, { instanceId: cmd.instanceId }, async (em) => {
    const instance = await em.findOne(InstanceEntity, { id: cmd.instanceId }, { populate: ['definition'] });
    if (!instance) throw ProcessError.notFound('instance', cmd.instanceId);
    const expected = cmd.expectedVersion;
    if (expected !== undefined && expected !== null && expected !== instance.version)
      throw ProcessError.conflictForInstance(instance.id, expected, instance.version);
    if (instance.status !== 'ACTIVE')
      throw ProcessError.badInput(
        `instance ${instance.id} is ${instance.status}; only active instances move to another version`,
      );
    const target = await em.findOne(FlowDefinitionEntity, { key: instance.flowKey, version: cmd.toVersion });
    if (!target) throw ProcessError.flowNotDeployed(instance.flowKey, cmd.toVersion);

    const tip = await chainTip(em, instance.id);
    const directory = await loadDirectory(em);
    const calendar = await loadCalendar(em, deps.calendar);
    const result = migrateInEngine(
      instance.definition.ir,
      target.ir,
      instance.snapshot,
      engineContext(now, cmd.actor, directory, deps.newId, calendar.calendar),
    );
    if (!result.ok)
      throw ProcessError.badInput(
        `cannot migrate instance ${instance.id}: ${result.error.message}`,
        result.error.details,
      );
    if (cmd.dryRun) {
      return {
        ...instanceRecord(instance),
        definitionId: target.id,
        flowVersion: target.version,
        state: result.state,
        context: result.context,
      };
    }

    const fromState = instance.state;
    Object.assign(instance, {
      definition: target,
      flowVersion: target.version,
      state: result.state,
      context: result.context,
      snapshot: result.snapshot,
      updatedAt: now,
    });
    const notifications = await applyEffects(em, instance, result.effects, now, calendar.name);
    await markTimersMigrated(em, result.effects, `migrated to v${target.version}`);
    // The event last, as in `advanceInstance`: its insert takes the global audit chain's lock.
    await em.flush();
    await writeOutbox(em, instance.id, notifications, now, deps.newId);
    appendEvent(em, instance, tip, {
      type: MIGRATED_EVENT,
      actor: cmd.actor,
      at: now,
      fromState,
      toState: result.state,
      payload: migrationPayload(result.migration),
      trace: result.trace as unknown as Json,
    });
    await em.flush();
    return instanceRecord(instance);
  });
}

/** The audit event's payload: from/to version and hash, the states, and the declared map applied. */
function migrationPayload(m: MigrationApplied): Json {
  return {
    fromVersion: m.fromVersion,
    fromHash: m.fromHash,
    toVersion: m.toVersion,
    toHash: m.toHash,
    fromState: m.fromState,
    toState: m.toState,
    stateMap: m.stateMap,
  };
}

/** `applyEffects` records a cancelled timer as "left <state>"; a migration says why it really went. */
async function markTimersMigrated(em: SqlEntityManager, effects: Effect[], reason: string): Promise<void> {
  for (const effect of effects) {
    if (effect.type !== 'cancelTimer') continue;
    const timer = await em.findOne(TimerEntity, { id: effect.timerId });
    if (timer?.status === 'CANCELLED') timer.cancelReason = reason;
  }
}
