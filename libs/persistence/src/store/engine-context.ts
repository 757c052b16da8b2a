import type { BusinessCalendar } from '@signet/dsl';
import type { Directory, EngineContext } from '@signet/engine';

/**
 * The ports the pure engine gets for one step: the event's time, the caller, the directory, ids, and
 * the business calendar `workdays` are counted in.
 */
export function engineContext(
  now: Date,
  actor: string | null,
  directory: Directory,
  newId: () => string,
  calendar?: BusinessCalendar,
): EngineContext {
  return { now: now.toISOString(), actor, directory, newId, ...(calendar ? { calendar } : {}) };
}
