import { ProcessError } from '../errors/process-error';
import { isUuid } from '../ids';
import type { InstanceRecord, SendEventCommand } from '../store';
import { advanceInstance } from './advance-instance';
import { claimIdempotencyKey, rememberResult } from './idempotency';
import { mutate } from './store-deps';
import type { StoreDeps } from './store-deps';

/** Sends a plain event to an instance (optionally checked against `expectedVersion`). */
export async function sendEvent(deps: StoreDeps, cmd: SendEventCommand): Promise<InstanceRecord> {
  if (!isUuid(cmd.instanceId)) throw ProcessError.notFound('instance', cmd.instanceId);
  const now = deps.now();
  return mutate(deps, { instanceId: cmd.instanceId }, async (em) => {
    if (cmd.idempotencyKey) {
      const first = await claimIdempotencyKey(em, {
        actor: cmd.actor,
        key: cmd.idempotencyKey,
        operation: 'sendEvent',
        instanceId: cmd.instanceId,
        now,
      });
      if (first) return first;
    }
    const event = { type: cmd.type, ...(cmd.payload !== undefined ? { payload: cmd.payload } : {}) };
    const result = await advanceInstance(
      deps,
      em,
      { instanceId: cmd.instanceId, event, actor: cmd.actor, expectedVersion: cmd.expectedVersion },
      now,
      undefined,
      // Without a key the event is the last write: it commits in the same round trip (ADR 0017).
      { commit: !cmd.idempotencyKey },
    );
    if (cmd.idempotencyKey) await rememberResult(em, { actor: cmd.actor, key: cmd.idempotencyKey }, result);
    return result;
  });
}
