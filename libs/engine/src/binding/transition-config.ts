import type { NotifyParams, RecordDecisionParams, SetVarParams, VoidParams } from './action-impl';
import type { GuardParams } from './guard-impl';

/** An action of a bound transition: a reference to one of `flowSetup`'s implementations. */
export type ActionRef =
  | { type: 'setVar'; params: SetVarParams }
  | { type: 'recordDecision'; params: RecordDecisionParams }
  | { type: 'voidDecisions'; params: VoidParams }
  | { type: 'notify'; params: NotifyParams };

/** The guard every bound transition carries (see `bindMachine`). */
export interface GuardRef {
  type: 'expr';
  params: GuardParams;
}

/**
 * One transition of the config handed to XState, its fields behind getters. XState's
 * `formatTransition` builds each transition as `{ ...config, actions, guard, target, … }`, and V8
 * leaves its fast path when an object literal sets again keys its spread brought in: ≈ 3–5 µs a
 * transition with a plain object, most of `createMachine` for a 200-state flow. A spread copies no
 * getters, so the literal only adds keys (≈ 0.06 µs, building this object included). XState reads
 * `target`, `guard` and `actions` through the getters and builds the same transitions as before.
 */
export class TransitionConfig {
  readonly #target: string;
  readonly #guard: GuardRef;
  readonly #actions: ActionRef[];

  constructor(target: string, guard: GuardRef, actions: ActionRef[]) {
    this.#target = target;
    this.#guard = guard;
    this.#actions = actions;
  }

  get target(): string {
    return this.#target;
  }

  get guard(): GuardRef {
    return this.#guard;
  }

  get actions(): ActionRef[] {
    return this.#actions;
  }
}
