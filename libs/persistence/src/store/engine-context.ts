import type { Directory, EngineContext } from '@signet/engine';

/** The ports the pure engine gets for one step: the event's time, the caller, the directory, ids. */
export function engineContext(
  now: Date,
  actor: string | null,
  directory: Directory,
  newId: () => string,
): EngineContext {
  return { now: now.toISOString(), actor, directory, newId };
}
