import type { Json } from '@signet/dsl';
import type { FlowMachine } from './binding/bind-machine';
import { type InstanceContext, isInstanceContext } from './instance-context';
import type { PersistedSnapshot } from './types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

/** The stored form of a snapshot: XState's persisted snapshot with the engine's final context, as plain JSON. */
export function persistSnapshot(
  machine: FlowMachine,
  snapshot: MachineSnapshot,
  context: InstanceContext,
): PersistedSnapshot {
  const persisted = machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  // A JSON round trip drops `undefined` fields (output, error) so the result is exactly what jsonb stores.
  return JSON.parse(JSON.stringify({ ...persisted, context })) as Json;
}

/**
 * Restores a stored snapshot with `machine.resolveState({ value, context })`: the state nodes are
 * rebuilt from the IR-pinned machine, so nothing but the value and context needs to be trusted.
 * A snapshot that is not one this engine wrote is a caller bug and throws.
 */
export function restoreSnapshot(machine: FlowMachine, stored: PersistedSnapshot): MachineSnapshot {
  const s = stored as { value?: unknown; context?: unknown } | null;
  if (typeof s !== 'object' || s === null || s.value === undefined || !isInstanceContext(s.context))
    throw new Error('not a Signet snapshot: expected { value, context } as written by start/step');
  return machine.resolveState({ value: s.value as string, context: s.context });
}

/**
 * The active state path of a stored snapshot: `"manager_review"`, or `"review.chief_engineer"`
 * for nested states.
 */
export function activeStatePath(snapshot: PersistedSnapshot): string {
  return statePath((snapshot as { value?: Json } | null)?.value);
}

/** The dotted path of an XState state value (`"a"` or `{ a: "b" }` → `"a.b"`). */
export function statePath(stateValue: unknown): string {
  let value = stateValue as Json | undefined;
  const parts: string[] = [];
  while (value !== null && value !== undefined) {
    if (typeof value === 'string') {
      parts.push(value);
      break;
    }
    if (typeof value !== 'object' || Array.isArray(value)) break;
    const [key] = Object.keys(value);
    if (key === undefined) break;
    parts.push(key);
    value = value[key];
  }
  return parts.join('.');
}
