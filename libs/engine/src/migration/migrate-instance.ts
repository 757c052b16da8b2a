import { type FlowIR, type Json, validateInput } from '@signet/dsl';
import { assertContext } from '../assert-context';
import { boundFlow } from '../binding/bound-flow';
import { StepEnv } from '../binding/step-env';
import { closeTaskEffect, openTaskEffect } from '../effects/task-effects';
import { cancelTimer, scheduleTimer } from '../effects/timer-effects';
import { timersOnEntry } from '../escalation/timer-actions';
import type { InstanceContext } from '../instance-context';
import { persistSnapshot, restoreSnapshot, statePath } from '../snapshot';
import type { EngineContext, Effect, PersistedSnapshot } from '../types';
import { MigrationErrors, type MigrationResult } from './migration-errors';
import { migrationTarget } from './target-state';

/** The type of the step a migration is recorded as (trace `event`, audit event `type`). */
export const MIGRATED_EVENT = 'instance.migrated' as const;

/**
 * Moves a running instance of `from` to the newer version `to` of the same flow. Refuses (with a
 * `MigrationRefusal` naming the state or field) when the target is not a newer version of the flow,
 * the instance is finished, its state has no place in `to` (see `migrationTarget`), or its stored
 * input does not match the input `to` declares. Otherwise the instance continues in the target state:
 * - the context is kept: input (as `to` reads it), requester, vars and every recorded decision, so
 *   `separateFrom` in `to` still sees who decided before; votes and escalation of the closed task go;
 * - the old state's open task is closed (`CANCELLED`, the comment naming the migration) and every
 *   pending timer cancelled;
 * - the target's task opens with its assignees resolved now and its SLA counted from now, and the
 *   target's timers are scheduled from now, exactly as if the state had just been entered.
 * No transition, guard or action runs. Pure: time, ids and the directory come from `ctx`.
 */
export function migrateInstance(
  from: FlowIR,
  to: FlowIR,
  snapshot: PersistedSnapshot,
  ctx: EngineContext,
): MigrationResult {
  assertContext(ctx);
  if (from.key !== to.key) return MigrationErrors.otherFlow(from.key, to.key);
  if (to.version <= from.version) return MigrationErrors.notNewer(from.key, from.version, to.version);
  const current = restoreSnapshot(boundFlow(from).machine, snapshot);
  const state = statePath(current.value);
  if (current.status === 'done') return MigrationErrors.notActive(state);
  const target = migrationTarget(from, to, state);
  if ('ok' in target) return target;
  const input = validateInput(to.input, current.context.input);
  if (!input.ok) return MigrationErrors.inputMismatch(to.key, to.version, input.errors);

  const flow = boundFlow(to);
  const env = new StepEnv(flow.ir, ctx, { type: MIGRATED_EVENT });
  const old = current.context;
  const effects: Effect[] = [];
  if (old.openTask) {
    const closed = closeTaskEffect(old.openTask, state, env, false);
    effects.push({ ...closed, comment: `cancelled: the instance moved to ${to.key} v${to.version}` });
  }
  for (const timer of old.timers) effects.push(cancelTimer(timer));

  // The votes and escalation level belong to the task just closed; the new task starts afresh.
  const { escalation: _escalation, votes: _votes, ...kept } = old;
  const context: InstanceContext = {
    ...kept,
    input: input.value as { [field: string]: Json },
    openTask: null,
    timers: [],
  };
  const entered = flow.states.get(target.state)!;
  if (entered.task) {
    const opened = openTaskEffect(entered, env, context);
    if (!opened.ok) return MigrationErrors.evaluationFailed(target.state, opened.message);
    effects.push(opened.value);
    context.openTask = { id: opened.value.taskId, name: opened.value.name, dueAt: opened.value.dueAt };
  }
  for (const timer of timersOnEntry(entered)) {
    const scheduled = scheduleTimer(target.state, timer, env, context);
    if (!scheduled.ok) return MigrationErrors.evaluationFailed(target.state, scheduled.message);
    effects.push(scheduled.value[0]);
    context.timers.push(scheduled.value[1]);
  }

  const next = flow.machine.resolveState({ value: target.state, context });
  return {
    ok: true,
    snapshot: persistSnapshot(flow.machine, next, context),
    state: target.state,
    status: 'ACTIVE',
    context,
    effects,
    trace: {
      flow: { key: to.key, version: to.version, hash: to.hash },
      event: MIGRATED_EVENT,
      from: state,
      to: target.state,
      guards: [],
      tables: [],
      checks: [],
      actions: [],
    },
    migration: {
      fromVersion: from.version,
      fromHash: from.hash,
      toVersion: to.version,
      toHash: to.hash,
      fromState: state,
      toState: target.state,
      stateMap: target.stateMap,
    },
  };
}
