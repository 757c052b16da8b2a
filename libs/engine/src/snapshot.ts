import type { Json } from '@signet/dsl';
import type { FlowMachine } from './binding/bind-machine';
import { type InstanceContext, isInstanceContext } from './instance-context';
import type { PersistedSnapshot } from './types';

type MachineSnapshot = ReturnType<FlowMachine['resolveState']>;

/**
 * The stored form of a snapshot: XState's persisted snapshot with the engine's final context, as plain
 * JSON — exactly what a JSON round trip of `getPersistedSnapshot`'s answer with `context` swapped in
 * gives (same keys in the same order, `undefined` fields dropped), which jsonb stores. Built directly:
 * the round trip, and XState's walk of the context it replaces, were a fifth of a step (ADR 0021).
 * A snapshot with history or child actors (the compiler emits neither) takes the round trip.
 */
export function persistSnapshot(
  machine: FlowMachine,
  snapshot: MachineSnapshot,
  context: InstanceContext,
): PersistedSnapshot {
  const { status, output, error, value, historyValue, children } = snapshot;
  if (Object.keys(historyValue ?? {}).length > 0 || Object.keys(children ?? {}).length > 0) {
    const persisted = machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
    return JSON.parse(JSON.stringify({ ...persisted, context })) as Json;
  }
  const stored: { [key: string]: Json } = { status };
  if (output !== undefined) stored.output = jsonCopy(output);
  if (error !== undefined) stored.error = jsonCopy(error);
  stored.value = jsonCopy(value);
  stored.historyValue = {};
  stored.context = jsonCopy(context);
  stored.children = {};
  return stored;
}

/**
 * `JSON.parse(JSON.stringify(v))` for plain data, without the text: `undefined`, functions and symbols
 * dropped from objects and `null` in arrays, non-finite numbers `null`, `-0` as `0`. Anything with a
 * `toJSON` (a `Date`), a boxed primitive or class instance, a bigint or an unexpected type goes through
 * the real round trip (which may throw).
 */
export function jsonCopy(v: unknown): Json {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null;
    case 'object':
      if (v === null) return null;
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function') break;
      if (Array.isArray(v)) {
        const out: Json[] = new Array<Json>(v.length);
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          out[i] = skipped(item) ? null : jsonCopy(item);
        }
        return out;
      } else {
        const proto: unknown = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) break;
        const out: { [key: string]: Json } = {};
        for (const key of Object.keys(v)) {
          const item = (v as Record<string, unknown>)[key];
          if (!skipped(item)) out[key] = jsonCopy(item);
        }
        return out;
      }
  }
  return JSON.parse(JSON.stringify(v) ?? 'null') as Json;
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
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
