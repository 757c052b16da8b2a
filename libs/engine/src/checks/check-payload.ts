import { validateInput } from '@signet/dsl';
import type { BoundFlow } from '../binding/bound-flow';
import { EngineErrors } from '../engine-errors';
import type { EngineEvent, StepFailed } from '../types';

/**
 * Validates the payload of an event the current state takes with a declared payload (`on e(f: T) -> …`;
 * the checker makes every `on e` of a flow declare the same one): `BAD_INPUT` naming each bad field
 * (`details[].path` is the field), else the event with its payload in canonical form. Events without a
 * declared payload pass unchanged.
 */
export function checkPayload(flow: BoundFlow, state: string, event: EngineEvent): EngineEvent | StepFailed {
  const fields = flow.states.get(state)?.on.find((t) => t.event === event.type && t.payload)?.payload;
  if (!fields) return event;
  const checked = validateInput(fields, event.payload ?? {});
  if (!checked.ok) return EngineErrors.badPayload(event.type, checked.errors);
  return { ...event, payload: checked.value };
}
