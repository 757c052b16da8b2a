import { parseTimestamp } from '@signet/dsl';
import type { EngineContext } from './types';

/** The caller's context is trusted code, not user input: a malformed one is a bug and throws. */
export function assertContext(ctx: EngineContext): void {
  if (parseTimestamp(ctx.now) === undefined)
    throw new Error(
      `EngineContext.now must be ISO-8601 with a zone (e.g. 2026-11-23T09:00:00Z), got ${JSON.stringify(ctx.now)}`,
    );
}
