import type { StepOk } from '../types';

/** Why a migration was refused; each reason is one check of `migrateInstance`, in the order it runs. */
export type MigrationRefusal =
  | 'OTHER_FLOW' // the target is a version of another flow
  | 'NOT_NEWER' // the target version is the same or older
  | 'NOT_ACTIVE' // the instance is finished
  | 'NO_MIGRATION' // its state is not in the target and the target declares no `migrate from v<current>`
  | 'UNMAPPED_STATE' // the target's `migrate from` does not map the state and no state has its name
  | 'NOT_A_WAIT_STATE' // the state it would continue in is final or decides at once (`always`)
  | 'INPUT_MISMATCH' // the stored input does not match the target's `input`
  | 'EVALUATION_FAILED'; // the new state's task or timers could not be resolved (e.g. no superior)

export interface MigrationError {
  code: 'MIGRATION_REFUSED';
  reason: MigrationRefusal;
  message: string;
  /** For INPUT_MISMATCH: the input fields the target version refuses, and why. */
  details?: { path: string; message: string }[];
}

/** What a migration did besides the step's usual result: the versions and the state map it applied. */
export interface MigrationApplied {
  fromVersion: number;
  fromHash: string;
  toVersion: number;
  toHash: string;
  fromState: string;
  toState: string;
  /** The `migrate from v<fromVersion>` map the target declares; `{}` when it declares none. */
  stateMap: { [oldState: string]: string };
}

export type MigrationResult =
  (StepOk & { migration: MigrationApplied }) | { ok: false; error: MigrationError };

function refused(
  reason: MigrationRefusal,
  message: string,
  details?: MigrationError['details'],
): MigrationResult {
  return {
    ok: false,
    error: { code: 'MIGRATION_REFUSED', reason, message, ...(details ? { details } : {}) },
  };
}

/** Named factories for every refusal: each message names the flow, the versions and the state. */
export const MigrationErrors = {
  otherFlow(from: string, to: string): MigrationResult {
    return refused('OTHER_FLOW', `an instance of ${from} cannot move to a version of ${to}`);
  },
  notNewer(key: string, from: number, to: number): MigrationResult {
    return refused(
      'NOT_NEWER',
      `the instance runs ${key} v${from}; v${to} is not a newer version (migrate forward only)`,
    );
  },
  notActive(state: string): MigrationResult {
    return refused(
      'NOT_ACTIVE',
      `the instance is finished (final state ${state}); only active instances move`,
    );
  },
  noMigration(key: string, from: number, to: number, state: string): MigrationResult {
    return refused(
      'NO_MIGRATION',
      `${key} v${to} has no state "${state}" and declares no \`migrate from v${from}\`; ` +
        `add \`migrate from v${from} { ${state} -> <state of v${to}> }\` and deploy it as a new version`,
    );
  },
  unmappedState(key: string, from: number, to: number, state: string): MigrationResult {
    return refused(
      'UNMAPPED_STATE',
      `${key} v${to} has no state "${state}" and its \`migrate from v${from}\` does not map it; ` +
        `add \`${state} -> <state of v${to}>\` to it`,
    );
  },
  notAWaitState(state: string, why: 'final' | 'eventless'): MigrationResult {
    const what =
      why === 'final'
        ? 'is final: a migration never finishes an instance'
        : 'decides at once (`always`): map to a state where the instance waits';
    return refused('NOT_A_WAIT_STATE', `the instance would continue in "${state}", which ${what}`);
  },
  inputMismatch(key: string, to: number, details: { path: string; message: string }[]): MigrationResult {
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return refused(
      'INPUT_MISMATCH',
      `the instance's input does not match the input of ${key} v${to}: ${summary}`,
      details,
    );
  },
  evaluationFailed(state: string, message: string): MigrationResult {
    return refused('EVALUATION_FAILED', `entering "${state}" could not be evaluated: ${message}`);
  },
};
