import type { FlowIR } from '@signet/dsl';
import { MigrationErrors, type MigrationResult } from './migration-errors';

export interface MigrationTarget {
  /** The state of the target version the instance continues in. */
  state: string;
  /** The target's `migrate from v<current>` map; `{}` when it declares none. */
  stateMap: { [oldState: string]: string };
}

/**
 * Where an instance in `state` of `from` continues in `to`:
 * - the target's `migrate from v<from.version>` map, when it maps the state;
 * - else the state of the same name, when `to` has one (so a version that only adds states or changes
 *   rules needs no migrate block);
 * - else a refusal naming the state: UNMAPPED_STATE when a map exists, NO_MIGRATION when none does.
 * The target must be a state where instances wait: not final, without eventless transitions.
 */
export function migrationTarget(from: FlowIR, to: FlowIR, state: string): MigrationTarget | MigrationResult {
  const declared = to.migrations?.find((m) => m.fromVersion === from.version);
  const stateMap = declared?.states ?? {};
  const names = new Set(to.states.map((s) => s.name));
  const target = stateMap[state] ?? (names.has(state) ? state : undefined);
  if (target === undefined || !names.has(target)) {
    return declared
      ? MigrationErrors.unmappedState(to.key, from.version, to.version, state)
      : MigrationErrors.noMigration(to.key, from.version, to.version, state);
  }
  const ir = to.states.find((s) => s.name === target)!;
  if (ir.final) return MigrationErrors.notAWaitState(target, 'final');
  if (ir.always.length > 0) return MigrationErrors.notAWaitState(target, 'eventless');
  return { state: target, stateMap: { ...stateMap } };
}
