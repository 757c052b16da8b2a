import type { FlowIR, Json } from '@signet/dsl';
import { MIGRATED_EVENT, migrateInstance } from './migration/migrate-instance';
import { start } from './start';
import { step } from './step';
import type { EngineContext, EngineEvent, PersistedSnapshot, StepResult } from './types';

export interface Replay {
  /** One result per call: the start, then one per event. */
  results: StepResult[];
  /** The state after each call (unchanged after a refused event; `""` if the start was refused). */
  states: string[];
}

/**
 * In a replay's events: the instance moves to the newer version `to` at this point (`migrateInstance`),
 * as an `instance.migrated` event in the log records. Later events run under `to`.
 */
export interface MigrationStep {
  type: typeof MIGRATED_EVENT;
  to: FlowIR;
}

/**
 * Starts an instance with `ctxs[0]` and applies `events[i]` with `ctxs[i + 1]`, each from the
 * snapshot the last accepted call produced — what a store does, minus the store. A refused event
 * changes nothing and the replay goes on. A `MigrationStep` switches the flow version from there on;
 * a refused migration is reported as `EVENT_NOT_ACCEPTED` with its reason and the version stays.
 * For scenario files, `signet simulate`, `instanceAt` and tests.
 */
export function replay(
  ir: FlowIR,
  input: Json,
  events: readonly (EngineEvent | MigrationStep)[],
  ctxs: readonly EngineContext[],
): Replay {
  if (ctxs.length !== events.length + 1)
    throw new Error(`replay needs ${events.length + 1} contexts (start + one per event), got ${ctxs.length}`);
  const first = start(ir, input, ctxs[0]);
  const results: StepResult[] = [first];
  const states: string[] = [first.ok ? first.state : ''];
  if (!first.ok) return { results, states };
  let flow = ir;
  let snapshot = first.snapshot;
  let state = first.state;
  events.forEach((event, i) => {
    const r = replayEvent(flow, snapshot, event, ctxs[i + 1]);
    if (r.ok) {
      snapshot = r.snapshot;
      state = r.state;
      if (isMigrationStep(event)) flow = event.to;
    }
    results.push(r);
    states.push(state);
  });
  return { results, states };
}

/**
 * One logged event applied to the snapshot of an instance running `ir`: `step` for an engine event,
 * `migrateInstance` to the step's `to` for a migration (its refusal as `EVENT_NOT_ACCEPTED`).
 */
export function replayEvent(
  ir: FlowIR,
  snapshot: PersistedSnapshot,
  event: EngineEvent | MigrationStep,
  ctx: EngineContext,
): StepResult {
  if (!isMigrationStep(event)) return step(ir, snapshot, event, ctx);
  const moved = migrateInstance(ir, event.to, snapshot, ctx);
  if (moved.ok) return moved;
  return { ok: false, error: { code: 'EVENT_NOT_ACCEPTED', message: moved.error.message } };
}

function isMigrationStep(event: EngineEvent | MigrationStep): event is MigrationStep {
  return event.type === MIGRATED_EVENT && 'to' in event;
}
