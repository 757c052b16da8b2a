import { formatTimestamp, parseTimestamp } from '@signet/dsl';
import type { EngineContext } from './types';

/**
 * The caller's context is trusted code, not user input: a malformed one is a bug and throws. Returns
 * `ctx.now` in canonical form (`2026-11-23T09:00:00.000Z`), which the step's `StepEnv`s take.
 */
export function assertContext(ctx: EngineContext): string {
  const now = parseTimestamp(ctx.now);
  if (now === undefined)
    throw new Error(
      `EngineContext.now must be ISO-8601 with a zone (e.g. 2026-11-23T09:00:00Z), got ${JSON.stringify(ctx.now)}`,
    );
  return formatTimestamp(now);
}
